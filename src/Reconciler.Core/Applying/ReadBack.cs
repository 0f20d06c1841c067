using System.Text.Json.Nodes;
using Reconciler.Core.Planning;
using Reconciler.Core.Refresh;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads a task back (its detail) after the platform accepted a body, before the acceptance is recorded, at most once
/// per update, for two reasons. For a task whose earlier request's fate is unknown (in doubt), that request may have
/// landed after ours if its deadline did not hold: values that differ mean the platform does not hold our body, so the
/// task stays in doubt and is sent again, and no record claims a body the platform does not have. With verification
/// asked for (<c>--verify</c>), every accepted update is compared, field by field where the detail carries the field
/// (<see cref="LiveComparison"/>), and the result says <see cref="Verification"/>: the acceptance is still recorded (it
/// is what the platform answered), and a later refresh reports the task as drifted. A read that fails leaves the
/// acceptance as it was (the deadline fence already kept the old request out), said in the message.
/// </summary>
internal static class ReadBack
{
    public static bool Needed(PlanEntry entry, TaskApplyResult answer, bool verify) =>
        answer.Outcome == ApplyOutcome.Applied && (entry.InDoubt is not null || verify);

    public static async Task<TaskApplyResult> VerifyAsync(ITaskReader api, SendableEntry sendable, TaskApplyResult applied, bool verify, CancellationToken cancellationToken)
    {
        var (entry, desired) = (sendable.Entry, sendable.Desired);
        var inDoubt = entry.InDoubt is not null;
        RemoteTaskRead read;
        try
        {
            read = await api.ReadTaskAsync(entry.Identity, desired.SubUserId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            read = RemoteTaskRead.Failed("cancelled");
        }

        if (read.Detail is null)
        {
            var noted = inDoubt ? applied with { Message = Append(applied.Message, $"not read back: {read.Problem}") } : applied;
            return verify ? noted with { Verification = Verification.Unknown($"not read back: {read.Problem}") } : noted;
        }

        var comparison = LiveComparison.Compare(desired.Body, read.DetailAsElement()!.Value);
        var verification = verify ? Verification.Of(comparison) : null;
        if (!comparison.Drifted || !inDoubt)
        {
            return applied with { Verification = verification };
        }

        var fields = string.Join(", ", comparison.Changes.Select(c => c.Path));
        return applied with
        {
            Outcome = ApplyOutcome.Failed,
            Delivery = RequestDelivery.Unknown,
            Message = $"accepted, but reading it back shows other values ({fields}): an earlier request may have landed after this one; the task is in doubt and is sent again on the next run",
            Verification = verification,
        };
    }

    private static string Append(string? message, string note) => string.IsNullOrEmpty(message) ? note : $"{message} ({note})";
}

using System.Text.Json.Nodes;
using Reconciler.Core.Planning;
using Reconciler.Core.Refresh;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads a task back (its detail) after the platform accepted a body, before the acceptance is recorded as applied:
/// for a task whose earlier request's fate is unknown (in doubt), that request may have landed after ours if its
/// deadline did not hold. Values that differ mean the platform does not hold our body: the task stays in doubt and is
/// sent again, so no record claims a body the platform does not have. A read that fails leaves the acceptance as it
/// was (the deadline fence already kept the old request out), said in the message.
/// </summary>
internal static class ReadBack
{
    public static bool Needed(PlanEntry entry, TaskApplyResult answer) =>
        answer.Outcome == ApplyOutcome.Applied && entry.InDoubt is not null && entry.Desired is not null;

    public static async Task<TaskApplyResult> VerifyAsync(ITaskApi api, PlanEntry entry, TaskApplyResult applied, CancellationToken cancellationToken)
    {
        RemoteTaskRead read;
        try
        {
            read = await api.ReadTaskAsync(entry.Identity!, entry.Desired!.SubUserId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return applied with { Message = Append(applied.Message, "not read back: cancelled") };
        }

        if (read.Detail is not { } detail)
        {
            return applied with { Message = Append(applied.Message, $"not read back: {read.Problem}") };
        }

        var comparison = LiveComparison.Compare((JsonObject)entry.Desired!.Body.ToNode(), detail);
        if (!comparison.Drifted)
        {
            return applied;
        }

        var fields = string.Join(", ", comparison.Changes.Select(c => c.Path));
        return applied with
        {
            Outcome = ApplyOutcome.Failed,
            Delivery = RequestDelivery.Unknown,
            Message = $"accepted, but reading it back shows other values ({fields}): an earlier request may have landed after this one; the task is in doubt and is sent again on the next run",
        };
    }

    private static string Append(string? message, string note) => string.IsNullOrEmpty(message) ? note : $"{message} ({note})";
}

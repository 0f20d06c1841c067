using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.State;

namespace Reconciler.Service.Status;

/// <summary>
/// The revision the service holds back, in <c>/status</c> (part of the <see cref="StatusSnapshot"/> contract): a halted staged
/// rollout with the numbers that tripped it, or a rollback. Absent while nothing is held.
/// </summary>
/// <param name="State"><c>halted</c> or <c>rolled_back</c>.</param>
/// <param name="Revision">The revision held back: nothing more of it is sent until the branch moves or <c>reconciler sync --resume</c>.</param>
/// <param name="At">When it was held.</param>
/// <param name="Summary">One line for people: <c>halted after batch 1 of 4: …</c> or <c>rolled back to REVISION</c>.</param>
/// <param name="Halt">For <c>halted</c>: the batch, its size, how many were rejected and failed, the threshold crossed and how many tasks were not sent.</param>
/// <param name="RolledBackTo">For <c>rolled_back</c>: the revision whose manifests were applied.</param>
public sealed record HoldStatusView(string State, string Revision, DateTimeOffset At, string Summary, RolloutHalt? Halt, string? RolledBackTo)
{
    public const string Halted = "halted";
    public const string RolledBack = "rolled_back";

    public static HoldStatusView From(RevisionHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return hold.Kind == RevisionHoldKind.Halted
            ? new HoldStatusView(Halted, hold.Revision, hold.At, hold.Halt?.ToString() ?? "halted", hold.Halt, null)
            : new HoldStatusView(RolledBack, hold.Revision, hold.At, $"rolled back to {hold.RolledBackTo}", null, hold.RolledBackTo);
    }
}

using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>How applying one plan entry ended.</summary>
/// <param name="Stopped">The task was stopped (task_stop) before its update, as its manifest allowed.</param>
public sealed record TaskApplyResult(PlanEntry Entry, ApplyOutcome Outcome, int? ApiCode, string? Message, TimeSpan Duration, bool Stopped = false)
{
    /// <summary>What reached the platform: <see cref="RequestDelivery.NotSent"/> means the task is not in doubt, whatever the outcome.</summary>
    public RequestDelivery Delivery { get; init; } = RequestDelivery.Answered;

    /// <summary>An earlier attempt went unanswered and may still land until the deadline (see <see cref="TaskApiResult.MayLandLater"/>).</summary>
    public bool MayLandLater { get; init; }

    /// <summary>The platform failure that ended (or prevented) this task's request: reported once for the run, not per task.</summary>
    public PlatformFailure? Platform { get; init; }

    /// <summary>The read-back after an accepted update, when asked for (<see cref="ApplyOptions.Verify"/>); null otherwise.</summary>
    public Verification? Verification { get; init; }
}

using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// One run, finished: the one result object that feeds the state store (<see cref="Record"/>), the service's
/// <c>/status</c> and <c>/metrics</c>, the log line and the CLI's exit code.
/// </summary>
/// <param name="Plan">What was planned (null when the run failed before planning, e.g. the fetch failed).</param>
/// <param name="Report">What apply did (null when nothing was applied).</param>
public sealed record ReconcileRun(RunRecord Record, Plan? Plan, ApplyReport? Report)
{
    public string? Error => Record.Error;

    public bool Succeeded => Record.Error is null;

    public RunOutcomes Outcomes => Record.Outcomes;

    /// <summary>The run failed because the state store could not be read or written: nothing more was sent, and the service is not ready until it can.</summary>
    public bool StateUnusable { get; init; }

    /// <summary>Why the run stopped sending to the platform (unreachable, a token refused): one per fact, also in <see cref="Error"/>.</summary>
    public IReadOnlyList<PlatformFailure> PlatformFailures { get; init; } = [];

    /// <summary>Changes left for a sync window to open.</summary>
    public bool PendingForWindow => Plan?.Entries.Any(e => e.Deferral?.Kind == DeferralKind.OutsideWindow) == true;
}

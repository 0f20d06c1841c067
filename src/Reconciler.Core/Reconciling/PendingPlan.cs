using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// A plan the engine made and may apply: what <c>apply</c> shows and asks to confirm, and what the service
/// applies at once. Changes that are deferred are in <see cref="Plan"/> with their reason.
/// </summary>
/// <param name="StartedAt">When planning started (the run's start).</param>
/// <param name="StartedTimestamp">The same instant on the engine clock's high-resolution counter, for the run's duration.</param>
/// <param name="WindowOpen">Whether a sync window was open when planned (always true without windows).</param>
public sealed record PendingPlan(Plan Plan, DateTimeOffset StartedAt, long StartedTimestamp, bool WindowOpen)
{
    /// <summary>Where the planned revision came from (its pull request), when the caller looked it up: recorded with the run.</summary>
    public State.RunAudit? Audit { get; init; }

    /// <summary>Targets (<see cref="PlanOptions.Targets"/>) that matched no task: the caller reports them.</summary>
    public IReadOnlyList<string> UnmatchedTargets { get; init; } = [];

    /// <summary>The run's platform failures: what planning's reads found (unreachable, a token refused) stops the apply's requests too.</summary>
    public PlatformGate Gate { get; init; } = new();

    /// <summary>Platform failures found while planning (the running check, refresh): one per fact. Applying would send nothing they cover.</summary>
    public IReadOnlyList<PlatformFailure> PlatformFailures => Gate.Failures;

    /// <summary>Whether applying would do anything now: send a PUT, record a blocked task, or forget a record.</summary>
    public bool HasWork => Plan.Entries.Any(e => e.WillSend || e.IsBlockedByRunningTask || (e.Action == PlanAction.Unmanage && e.Deferral is null));
}

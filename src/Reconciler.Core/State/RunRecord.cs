using Reconciler.Core.Reconciling;

namespace Reconciler.Core.State;

/// <summary>One reconcile run as the state store keeps it: what triggered it, which revision, how many tasks ended how.</summary>
/// <param name="Trigger">What started it (stored as its word, <see cref="RunTriggerWords"/>).</param>
/// <param name="Applied">Whether PUTs were allowed (false for a plan-only run, e.g. outside a sync window).</param>
/// <param name="Error">Why the run could not complete (e.g. the remote was unreachable), if it could not.</param>
public sealed record RunRecord(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Revision,
    RunTrigger Trigger,
    bool Applied,
    RunOutcomes Outcomes,
    string? Error)
{
    /// <summary>Where the revision came from (pull request, merged by, approved by), when it was looked up; see <see cref="RunAudit"/>.</summary>
    public RunAudit? Audit { get; init; }
}

using Reconciler.Core.Reconciling;

namespace Reconciler.Core.State;

/// <summary>One reconcile run as the state store keeps it: what triggered it, which revision, how many tasks ended how.</summary>
/// <param name="Trigger">e.g. <c>cli</c>, <c>poll</c>, <c>webhook</c>, <c>resync</c>.</param>
/// <param name="Applied">Whether PUTs were allowed (false for a plan-only run, e.g. outside a sync window).</param>
/// <param name="Error">Why the run could not complete (e.g. the remote was unreachable), if it could not.</param>
public sealed record RunRecord(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Revision,
    string Trigger,
    bool Applied,
    RunOutcomes Outcomes,
    string? Error);

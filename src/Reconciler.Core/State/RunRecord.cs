namespace Reconciler.Core.State;

/// <summary>One reconcile run: what triggered it, which revision, how many tasks ended how.</summary>
/// <param name="Trigger">e.g. <c>cli</c>, <c>poll</c>, <c>webhook</c>, <c>resync</c>.</param>
/// <param name="Applied">Whether PUTs were allowed (false for a plan-only run, e.g. outside a sync window).</param>
/// <param name="Outcomes">Count per outcome or plan action name (e.g. <c>applied</c>, <c>blocked</c>, <c>unchanged</c>, <c>invalid</c>).</param>
/// <param name="Error">Why the run could not complete (e.g. the remote was unreachable), if it could not.</param>
public sealed record RunRecord(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Revision,
    string Trigger,
    bool Applied,
    IReadOnlyDictionary<string, int> Outcomes,
    string? Error);

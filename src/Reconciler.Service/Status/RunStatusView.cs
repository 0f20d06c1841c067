using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Service.Status;

/// <summary>One reconcile run in <c>/status</c>, as recorded in the state store.</summary>
/// <param name="Trigger"><c>poll</c>, <c>webhook</c>, <c>resync</c>, <c>retry</c> or <c>window</c>.</param>
/// <param name="Applied">False when PUTs were held back (outside the sync window) or the run failed before applying.</param>
public sealed record RunStatusView(
    string Trigger,
    DateTimeOffset StartedAt,
    double DurationMs,
    string? Revision,
    bool Applied,
    RunOutcomes Outcomes,
    string? Error)
{
    public static RunStatusView From(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunStatusView(run.Trigger, run.StartedAt, run.Duration.TotalMilliseconds, run.Revision, run.Applied, run.Outcomes, run.Error);
    }
}

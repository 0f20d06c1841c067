using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Service.Status;

/// <summary>One reconcile run in <c>/status</c>, as recorded in the state store (part of the <see cref="StatusSnapshot"/> contract).</summary>
/// <param name="Trigger">What started it (its word: <c>poll</c>, <c>webhook</c>, <c>sync</c>, <c>takeover</c>, <c>resync</c>, <c>retry</c>, <c>window</c>, <c>cli</c>).</param>
/// <param name="Applied">False when PUTs were held back (outside the sync window) or the run failed before applying.</param>
/// <param name="Outcomes">How many tasks ended in each state (the same counts the state store keeps).</param>
public sealed record RunStatusView(
    RunTrigger Trigger,
    DateTimeOffset StartedAt,
    double DurationMs,
    string? Revision,
    bool Applied,
    RunOutcomes Outcomes,
    string? Error)
{
    /// <summary>The newest <c>POST /sync</c> request this run answers (its ticket from the 202 answer); absent for other runs.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? SyncTicket { get; init; }

    /// <summary>Where the revision came from: <c>{pull_request, merged_by, approved_by}</c> (pull_request null: a direct push); absent when not looked up (no GitHub configured).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RunAudit? Audit { get; init; }

    public static RunStatusView From(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunStatusView(run.Trigger, run.StartedAt, run.Duration.TotalMilliseconds, run.Revision, run.Applied, run.Outcomes, run.Error) { Audit = run.Audit };
    }
}

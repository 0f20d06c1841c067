using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Ledger;

/// <summary>Plan entries and finished runs built by hand, for the pure ledger and state-rule tests.</summary>
internal static class LedgerRuns
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static readonly TaskIdentity TheTask = new("u-1", "t-1");

    /// <summary>A ledger that remembers nothing yet, retrying after 30 s and backing off up to 10 minutes.</summary>
    public static readonly TaskLedger EmptyLedger = new(new RetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));

    /// <summary>An update of <see cref="TheTask"/> to <paramref name="body"/>.</summary>
    public static PlanEntry Entry(string body, TaskIdentity? identity = null)
    {
        var id = identity ?? TheTask;
        var manifest = new TaskManifest(id, ApiFlavour.V2, "a", CanonicalBody.FromJson(body), false, false, new Diagnostics.SourceLocation($"tasks/{id.TaskId}.yaml", 1, 1), []);
        return new PlanEntry(PlanAction.Update, id, "a", manifest.Location, [], []) { Desired = manifest };
    }

    /// <summary>A run at <paramref name="at"/> (no duration) of these entries, with these results.</summary>
    public static ReconcileRun Run(DateTimeOffset at, IReadOnlyList<PlanEntry> entries, params TaskApplyResult[] results)
    {
        var plan = new Plan(entries, "r1");
        var report = results.Length == 0 ? null : new ApplyReport(results, 0);
        return new ReconcileRun(new RunRecord(at, TimeSpan.Zero, "r1", RunTrigger.Poll, true, RunOutcomes.Count(plan, report), null), plan, report);
    }

    /// <summary>A run at <paramref name="at"/> whose one entry ended <paramref name="outcome"/>.</summary>
    public static ReconcileRun Attempt(DateTimeOffset at, PlanEntry entry, ApplyOutcome outcome, int? code = null, string? message = null) =>
        Run(at, [entry], new TaskApplyResult(entry, outcome, code, message, TimeSpan.Zero));
}

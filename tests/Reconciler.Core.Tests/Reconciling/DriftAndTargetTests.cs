using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>Targeting leaves everything else out; drift is healed, reported, or held back when it keeps coming.</summary>
public sealed class DriftAndTargetTests
{
    [Fact]
    public void Target_OneTask_KeepsOnlyItAndUnmanagesNothing()
    {
        var inventory = new Dictionary<Core.Manifests.TaskIdentity, AppliedRecord> { [ApplyPlans.Identity(9)] = ApplyPlans.OldRecord(9) };
        var plan = ApplyPlans.Adopt(3, inventory: inventory);
        Assert.Contains(plan.Entries, e => e.Action == PlanAction.Unmanage);

        var kept = PlanTargets.Keep(plan, [ApplyPlans.TaskId(1), "tasks/t002.yaml", "nope"], out var unmatched);

        Assert.Equal([ApplyPlans.Identity(1), ApplyPlans.Identity(2)], kept.Entries.Select(e => e.Identity));
        Assert.Equal(["nope"], unmatched);
    }

    [Fact]
    public void DriftPolicy_ReportOnly_DefersEveryDrift()
    {
        var plan = Drifted();

        var decided = new DriftPolicy(Heal: false).Apply(plan, null, EngineFixture.Start);

        Assert.Equal(DeferralKind.DriftReported, Assert.Single(decided.Entries).Deferral!.Kind);
    }

    [Fact]
    public void DriftPolicy_HealedTooOftenWithinAnHour_IsFighting()
    {
        var policy = new DriftPolicy(Heal: true, MaxHealsPerHour: 2);
        var ledger = new TaskLedger(RetryPolicy.Default).After(Healed(EngineFixture.Start));
        Assert.Null(Assert.Single(policy.Apply(Drifted(), ledger, EngineFixture.Start.AddMinutes(1)).Entries).Deferral);
        ledger = ledger.After(Healed(EngineFixture.Start.AddMinutes(2)));

        Assert.Equal(DeferralKind.Fighting, Assert.Single(policy.Apply(Drifted(), ledger, EngineFixture.Start.AddMinutes(3)).Entries).Deferral!.Kind);
        Assert.Null(Assert.Single(policy.Apply(Drifted(), ledger, EngineFixture.Start.AddMinutes(61)).Entries).Deferral);
    }

    /// <summary>A run at <paramref name="at"/> that re-applied the drifted task (self-heal).</summary>
    private static ReconcileRun Healed(DateTimeOffset at)
    {
        var plan = Drifted();
        var result = new Core.Applying.TaskApplyResult(Assert.Single(plan.Entries), ApplyOutcome.Applied, 200, null, TimeSpan.Zero);
        return new ReconcileRun(new RunRecord(at, TimeSpan.Zero, plan.Revision, RunTrigger.Resync, true, RunOutcomes.None, null), plan, new Core.Applying.ApplyReport([result], 0));
    }

    private static Plan Drifted()
    {
        var plan = ApplyPlans.Adopt(1);
        return plan with { Entries = plan.Entries.Select(e => e with { Action = PlanAction.Update, Reason = UpdateReason.Drift }).ToList() };
    }
}

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

        var decided = new DriftPolicy(heal: false).Apply(plan, EngineFixture.Start);

        Assert.Equal(DeferralKind.DriftReported, Assert.Single(decided.Entries).Deferral!.Kind);
    }

    [Fact]
    public void DriftPolicy_HealedTooOftenWithinAnHour_IsFighting()
    {
        var policy = new DriftPolicy(heal: true, maxHealsPerHour: 2);
        var entry = Assert.Single(Drifted().Entries);
        policy.Record([new Core.Applying.TaskApplyResult(entry, ApplyOutcome.Applied, 200, null, TimeSpan.Zero)], EngineFixture.Start);
        Assert.Null(Assert.Single(policy.Apply(Drifted(), EngineFixture.Start.AddMinutes(1)).Entries).Deferral);
        policy.Record([new Core.Applying.TaskApplyResult(entry, ApplyOutcome.Applied, 200, null, TimeSpan.Zero)], EngineFixture.Start.AddMinutes(2));

        Assert.Equal(DeferralKind.Fighting, Assert.Single(policy.Apply(Drifted(), EngineFixture.Start.AddMinutes(3)).Entries).Deferral!.Kind);
        Assert.Null(Assert.Single(policy.Apply(Drifted(), EngineFixture.Start.AddMinutes(61)).Entries).Deferral);
    }

    private static Plan Drifted()
    {
        var plan = ApplyPlans.Adopt(1);
        return plan with { Entries = plan.Entries.Select(e => e with { Action = PlanAction.Update, Reason = UpdateReason.Drift }).ToList() };
    }
}

using Reconciler.Core.Guardrails;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Tests.Reconciling;

namespace Reconciler.Core.Tests.Guardrails;

public sealed class PlanLimitTests
{
    [Fact]
    public async Task Apply_MoreChangedTasksThanTheLimit_PlanFailsAndNothingIsSent()
    {
        var fixture = new EngineFixture(runningCheck: false);
        var snapshot = EngineFixture.Snapshot(3) with { Policy = PolicyTestFiles.Policy("limits:\n  max_changed_tasks: 2\n") };

        var run = await fixture.PassAsync(snapshot);

        var plan = run.Plan!;
        Assert.True(plan.HasErrors);
        var problem = Assert.Single(plan.PolicyProblems);
        Assert.Equal((PlanLimitCheck.Code, ".reconciler/policy.yaml", 2), (problem.Code, problem.Location!.File, problem.Location.Line));
        Assert.Contains("changes 3 tasks, more than the 2 allowed", problem.Message, StringComparison.Ordinal);
        Assert.All(plan.Entries, e => Assert.Equal(DeferralKind.PolicyBlocked, e.Deferral?.Kind));
        Assert.Equal(0, fixture.Api.Puts);
    }

    [Fact]
    public async Task Apply_WithinTheLimits_EverythingIsSent()
    {
        var fixture = new EngineFixture(runningCheck: false);
        var snapshot = EngineFixture.Snapshot(3) with { Policy = PolicyTestFiles.Policy("limits: {max_changed_tasks: 3, max_changed_accounts: 1}\n") };

        var run = await fixture.PassAsync(snapshot);

        Assert.Empty(run.Plan!.PolicyProblems);
        Assert.Equal(3, fixture.Api.Puts);
    }

    [Fact]
    public async Task Plan_MoreAccountsThanTheLimit_IsAProblemInEveryFormat()
    {
        var engine = new PlanningEngine(new ReconcileSettings());
        var other = TestManifests.V2(taskId: "t-2").Replace(TestManifests.UserId, "another-account", StringComparison.Ordinal);
        var snapshot = PolicyTestFiles.Snapshot("limits: {max_changed_accounts: 1}\n", ("tasks/a.yaml", TestManifests.V2()), ("tasks/b.yaml", other));

        var plan = (await engine.PlanAsync(snapshot, CompareWith.LiveState, PlanOptions.Default, CancellationToken.None)).Plan;

        const string Expected = "policy limit max_changed_accounts: this plan changes tasks of 2 accounts, more than the 1 allowed";
        Assert.Contains(Expected, new TextPlanRenderer().Render(plan), StringComparison.Ordinal);
        Assert.Contains(Expected, new JsonPlanRenderer().Render(plan), StringComparison.Ordinal);
        Assert.Contains(MarkdownText.Cell(Expected), new MarkdownPlanRenderer().Render(plan), StringComparison.Ordinal);
        Assert.Contains("::error file=.reconciler/policy.yaml,line=1", GitHubAnnotations.Render(plan.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void AccountOf_SubAccountWhenThereIsOne()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(metadata: "\n  sub_user_id: sub-1")));
        var entry = Assert.Single(Planner.Plan(desired, Baseline.EmptyState).Entries);

        Assert.Equal("sub-1", PlanLimitCheck.AccountOf(entry));
    }

    [Fact]
    public async Task Plan_PullRequestDropsTheOwnerEntry_TheBaseBranchsOwnersStillApply()
    {
        const string Owned = "owners:\n  - select: {paths: [\"tasks/**\"]}\n    approvers: [lead-alice]\n";
        var atBase = PolicyTestFiles.Snapshot(Owned, ("tasks/a.yaml", TestManifests.V2()));
        var head = PolicyTestFiles.Snapshot("rules: []\n", ("tasks/a.yaml", TestManifests.V2(name: "改名")));

        var plan = (await new PlanningEngine(new ReconcileSettings()).PlanAsync(head, CompareWith.BaseRevision(atBase), PlanOptions.Default, CancellationToken.None)).Plan;

        var requirement = Assert.Single(OwnerRequirement.Of(plan, plan.Policy));
        Assert.Equal(["lead-alice"], requirement.Owner.Approvers);
        Assert.False(PolicyVerdict.Decide(plan, plan.Policy, _ => false).Passed);
        Assert.True(PolicyVerdict.Decide(plan, plan.Policy, a => a == "lead-alice").Passed);
    }
}

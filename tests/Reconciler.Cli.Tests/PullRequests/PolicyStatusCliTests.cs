using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary><c>plan --github-repo R --pr N</c> with a repository policy: the <c>reconciler/policy</c> status beside the plan's.</summary>
public sealed class PolicyStatusCliTests
{
    private const string Policy = "owners:\n  - select: {paths: [\"tasks/**\"]}\n    approvers: [lead-alice]\n";

    [Fact]
    public async Task Plan_OwnedChangeApprovedByANonOwner_PolicyFails_ThenAnOwnersApprovalPasses()
    {
        await using var pr = await StartAsync();
        pr.GitHub.AddPullRequest(new Testing.GitHub.FakePullRequest(Pr, HeadSha));
        pr.Write(".reconciler/policy.yaml", Policy);
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.GitHub.AddReview(Pr, "bob", "APPROVED", HeadSha);

        var first = await pr.PlanAsync();

        Assert.True(first.ExitCode == 0, first.ToString()); // a missing approval is for branch protection: the plan itself is fine
        var failed = Assert.Single(pr.GitHub.Statuses, s => s.Context == "reconciler/policy");
        Assert.Equal("failure", failed.State);
        Assert.Contains("reconciler/policy: failure: needs an approving review on this commit by lead-alice", first.Error, StringComparison.Ordinal);

        pr.GitHub.AddReview(Pr, "lead-alice", "APPROVED", HeadSha);
        var second = await pr.PlanAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("success", pr.GitHub.Statuses.Last(s => s.Context == "reconciler/policy").State);
    }
}

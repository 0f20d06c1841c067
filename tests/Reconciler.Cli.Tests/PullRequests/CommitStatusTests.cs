using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>The commit status of a plan (<c>reconciler/plan-live</c> against a state file, <c>reconciler/plan</c> with --base): what branch protection reads.</summary>
public sealed class CommitStatusTests
{
    private const string GivenSha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task Plan_AllValid_SetsSuccessOnThePullRequestHead()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var status = Assert.Single(pr.GitHub.Statuses);
        Assert.Equal(HeadSha, status.Sha);
        Assert.Equal("success", status.State);
        Assert.Equal("reconciler/plan-live", status.Context); // planned against the (empty) state file: the live-state channel
        Assert.Equal("Plan: 0 to update, 1 to adopt, 0 to unmanage, 0 invalid, 0 unchanged.", status.Description);
        var comment = Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Equal($"{pr.GitHub.BaseUrl}o/r/pull/{Pr}#issuecomment-{comment.Id}", status.TargetUrl);
        Assert.Single(pr.GitHub.RequestsTo(FakeGitHubRoute.GetPullRequest));
    }

    [Fact]
    public async Task Plan_InvalidManifest_SetsFailure()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(2));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        var status = Assert.Single(pr.GitHub.Statuses);
        Assert.Equal(HeadSha, status.Sha);
        Assert.Equal("failure", status.State);
        Assert.Equal("Plan: 0 to update, 1 to adopt, 0 to unmanage, 1 invalid, 0 unchanged.", status.Description);
    }

    [Fact]
    public async Task Plan_WithSha_SetsTheStatusThereWithoutReadingThePullRequest()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(2));

        var run = await pr.PlanAsync(".", "--sha", GivenSha, "--detailed-exitcode");

        Assert.True(run.ExitCode == 1, run.ToString());
        var status = Assert.Single(pr.GitHub.Statuses);
        Assert.Equal(GivenSha, status.Sha);
        Assert.Equal("failure", status.State);
        Assert.Empty(pr.GitHub.RequestsTo(FakeGitHubRoute.GetPullRequest));
    }

    [Fact]
    public async Task Plan_ChangesWithDetailedExitCode_IsStillASuccessStatus()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync(".", "--sha", GivenSha, "--detailed-exitcode");

        // Exit 2 means "there are changes"; the status is about validity, and changes are what a PR is for.
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("success", Assert.Single(pr.GitHub.Statuses).State);
    }

    [Fact]
    public async Task Plan_EveryPush_AddsOneStatusForItsOwnCommit()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(2));
        await pr.PlanAsync(".", "--sha", GivenSha);
        pr.Write("tasks/bad.yaml", PrManifests.Valid(2, "修好了"));

        await pr.PlanAsync(".", "--sha", HeadSha);

        Assert.Equal([(GivenSha, "failure"), (HeadSha, "success")], pr.GitHub.Statuses.Select(s => (s.Sha, s.State)));
    }
}

using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>Where the GitHub API is: github.com by default, GitHub Enterprise Server by flag or by the runner's GITHUB_API_URL.</summary>
public sealed class ApiUrlTests
{
    [Fact]
    public async Task Plan_GitHubApiUrlFromTheRunner_IsUsedWithoutTheFlag()
    {
        // GitHub Actions on Enterprise Server sets GITHUB_API_URL=https://HOST/api/v3 for every job.
        await using var pr = await StartAsync();
        pr.Environment["GITHUB_API_URL"] = pr.ApiUrl;
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.RunAsync("plan", ".", "--github-repo", Repository, "--pr", "7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Single(pr.GitHub.Statuses);
        Assert.All(pr.GitHub.Requests, r => Assert.StartsWith("/api/v3/repos/o/r/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_FlagAndRunnerVariable_TheFlagWins()
    {
        await using var pr = await StartAsync();
        pr.Environment["GITHUB_API_URL"] = "http://127.0.0.1:1/api/v3";
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.DoesNotContain("error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BareEnterpriseHost_GetsApiV3()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.RunAsync("plan", ".", "--github-repo", Repository, "--pr", "7", "--github-api-url", pr.GitHub.BaseUrl.ToString().TrimEnd('/'));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.All(pr.GitHub.Requests, r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_ShortSha_IsReportedAndTheCommentStillPosted()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync(".", "--sha", "4f2c9e1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Empty(pr.GitHub.Statuses);
        Assert.Contains("reconciler: error: could not set the reconciler/plan commit status: '4f2c9e1' is not a full commit sha (40 or 64 hex digits)\n", run.Error, StringComparison.Ordinal);
    }
}

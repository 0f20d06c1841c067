using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>The publishing options: where the API is (github.com, Enterprise by flag or GITHUB_API_URL), --sha and --pr.</summary>
public sealed class PublishOptionsTests
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
        Assert.All(pr.GitHub.Requests, r => Assert.StartsWith(r.Route == FakeGitHubRoute.GetAuthenticatedUser ? "/api/v3/user" : "/api/v3/repos/o/r/", r.Path, StringComparison.Ordinal));
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
        Assert.Contains("reconciler: error: could not set the reconciler/plan-live commit status: '4f2c9e1' is not a full commit sha (40 or 64 hex digits)\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Plan_PrNotAPullRequestNumber_IsAUsageError(string number)
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.RunAsync("plan", ".", "--github-repo", Repository, "--pr", number, "--github-api-url", pr.ApiUrl);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--pr must be a pull request number (1 or more)", run.Error, StringComparison.Ordinal);
        Assert.Empty(pr.GitHub.Requests);
    }
}

using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// Publishing is a courtesy on top of the plan by default: when GitHub fails, the failure is said plainly on stderr
/// and the exit code still says what the plan says (0 valid, 1 invalid, 2 changes with --detailed-exitcode). Strict CI
/// passes --require-publish: then a plan that is fine but unpublished exits 6 (4 and 5 are apply's).
/// </summary>
public sealed class GitHubFailureTests
{
    public enum Manifests
    {
        Valid,
        Invalid,
        ChangesDetailed,
    }

    public static TheoryData<int, Manifests> Failures()
    {
        var data = new TheoryData<int, Manifests>();
        foreach (var status in new[] { 401, 403, 404, 500 })
        {
            foreach (var manifests in Enum.GetValues<Manifests>())
            {
                data.Add(status, manifests);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Plan_GitHubFails_SaysSoOnStderrAndKeepsThePlansExitCode(int status, Manifests manifests)
    {
        await using var pr = await StartAsync();
        var expectedExit = Write(pr, manifests);
        pr.GitHub.FailAlways(FakeGitHubRoute.ListIssueComments, Failure(status));

        var run = await pr.PlanAsync(".", manifests == Manifests.ChangesDetailed ? ["--detailed-exitcode"] : []);

        Assert.True(run.ExitCode == expectedExit, run.ToString());
        Assert.Contains("Plan: 0 to update", run.Out, StringComparison.Ordinal);
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains("could not publish the plan comment", StringComparison.Ordinal));
        Assert.StartsWith("reconciler: error: ", line, StringComparison.Ordinal);
        Assert.Contains(Explanation(status), line, StringComparison.Ordinal);
        Assert.Contains("o/r", line, StringComparison.Ordinal);
        Assert.Empty(pr.GitHub.CommentsOn(Pr));
    }

    [Theory]
    [InlineData(Manifests.Valid, 6)]
    [InlineData(Manifests.ChangesDetailed, 6)]
    [InlineData(Manifests.Invalid, 1)]
    public async Task Plan_GitHubFailsWithRequirePublish_ExitsFourUnlessThePlanItselfFailed(Manifests manifests, int expectedExit)
    {
        await using var pr = await StartAsync();
        Write(pr, manifests);
        pr.GitHub.FailAlways(FakeGitHubRoute.CreateCommitStatus, FakeGitHubFailure.Forbidden());

        var strict = await pr.PlanAsync(".", manifests == Manifests.ChangesDetailed ? ["--detailed-exitcode", "--require-publish"] : ["--require-publish"]);

        Assert.True(strict.ExitCode == expectedExit, strict.ToString());
        Assert.Contains("reconciler: the plan was not published to pull request #7", strict.Error, StringComparison.Ordinal);
        Assert.Contains("--require-publish: exit 6", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_GitHubFailsByDefault_SaysTheExitCodeIsThePlansAndWarnsInActions()
    {
        await using var pr = await StartAsync();
        Write(pr, Manifests.Valid);
        pr.GitHub.FailAlways(FakeGitHubRoute.CreateCommitStatus, FakeGitHubFailure.Forbidden());
        pr.Environment["GITHUB_ACTIONS"] = "true";

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("reconciler: the plan was not published to pull request #7; the exit code reports the plan only (--require-publish makes this exit 6)", run.Error, StringComparison.Ordinal);
        Assert.Contains("::warning title=reconciler::the plan was not published to pull request #7", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_PublishedWithRequirePublish_KeepsThePlansExitCode()
    {
        await using var pr = await StartAsync();
        Write(pr, Manifests.ChangesDetailed);

        var run = await pr.PlanAsync(".", "--detailed-exitcode", "--require-publish");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.DoesNotContain("not published", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_CommentRefused_StillSetsTheCommitStatus()
    {
        // A token with statuses: write but not pull-requests: write should still gate the merge.
        await using var pr = await StartAsync();
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(1));
        pr.GitHub.FailAlways(FakeGitHubRoute.CreateIssueComment, FakeGitHubFailure.Forbidden());

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("GitHub denied access (403) while creating the plan comment on pull request #7", run.Error, StringComparison.Ordinal);
        var status = Assert.Single(pr.GitHub.Statuses);
        Assert.Equal(("failure", HeadSha), (status.State, status.Sha));
        Assert.Null(status.TargetUrl);
    }

    [Fact]
    public async Task Plan_StatusRefused_KeepsTheCommentAndTheExitCode()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.GitHub.FailAlways(FakeGitHubRoute.CreateCommitStatus, FakeGitHubFailure.Forbidden());

        var run = await pr.PlanAsync(".", "--detailed-exitcode");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Contains("reconciler: error: could not set the reconciler/plan-live commit status: GitHub denied access (403) while setting the reconciler/plan-live status on commit 4f2c9e1a7b3d", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_PullRequestUnreadable_KeepsTheCommentAndSaysWhyThereIsNoStatus()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.GitHub.FailAlways(FakeGitHubRoute.GetPullRequest, FakeGitHubFailure.ServerError(502));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Empty(pr.GitHub.Statuses);
        Assert.Contains("could not set the reconciler/plan-live commit status: GitHub failed (502) while reading pull request #7", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WrongToken_IsReportedAs401AndKeepsTheExitCode()
    {
        await using var pr = await StartAsync();
        pr.Environment["GITHUB_TOKEN"] = "ghs_someOtherTokenThatGitHubDoesNotKnow";
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(1));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("GitHub refused the token (401)", run.Error, StringComparison.Ordinal);
        Assert.Empty(pr.GitHub.CommentsOn(Pr));
        Assert.Empty(pr.GitHub.Statuses);
    }

    [Fact]
    public async Task Plan_NoToken_SaysWhatIsMissingAndSendsNothing()
    {
        await using var pr = await StartAsync();
        pr.Environment.Remove("GITHUB_TOKEN");
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync(".", "--detailed-exitcode");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("GITHUB_TOKEN is not set", run.Error, StringComparison.Ordinal);
        Assert.Empty(pr.GitHub.Requests);
    }

    [Fact]
    public async Task Plan_GitHubUnreachable_IsReportedAndKeepsTheExitCode()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(1));

        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var run = await pr.RunAsync("plan", ".", "--github-repo", Repository, "--pr", "7", "--github-api-url", "http://127.0.0.1:1/api/v3");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("reconciler: error: could not publish the plan comment", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("api/v3")]
    [InlineData("ftp://127.0.0.1/api/v3")]
    [InlineData("http://github.example.com/api/v3")]
    public async Task Plan_UnusableApiUrl_IsReportedAndKeepsTheExitCode(string apiUrl)
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(1));

        var run = await pr.RunAsync("plan", ".", "--github-repo", Repository, "--pr", "7", "--github-api-url", apiUrl);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("reconciler: error: could not publish the plan to GitHub: ", StringComparison.Ordinal));
        Assert.Contains("URL", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(pr.GitHub.Requests);
    }

    private static int Write(PrWorkspace pr, Manifests manifests)
    {
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        if (manifests == Manifests.Invalid)
        {
            pr.Write("tasks/bad.yaml", PrManifests.Invalid(2));
        }

        return manifests switch
        {
            Manifests.Invalid => 1,
            Manifests.ChangesDetailed => 2,
            _ => 0,
        };
    }

    private static FakeGitHubFailure Failure(int status) => status switch
    {
        401 => FakeGitHubFailure.Unauthorized(),
        403 => FakeGitHubFailure.Forbidden(),
        404 => FakeGitHubFailure.NotFound(),
        _ => FakeGitHubFailure.ServerError(status),
    };

    private static string Explanation(int status) => status switch
    {
        401 => "GitHub refused the token (401) while listing the comments of pull request #7 in o/r: check that GITHUB_TOKEN is set, not expired, and has pull-requests: write",
        403 => "GitHub denied access (403) while listing the comments of pull request #7 in o/r: the token needs pull-requests: write",
        404 => "repository or pull request not found (404) while listing the comments of pull request #7 in o/r",
        _ => $"GitHub failed ({status}) while listing the comments of pull request #7 in o/r",
    };
}

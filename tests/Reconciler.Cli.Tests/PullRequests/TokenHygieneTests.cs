using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// The GitHub token never reaches a comment (edit history and notification emails keep it forever), a
/// status, stdout or stderr — not even when GitHub, or a proxy in front of it, echoes the auth header back.
/// </summary>
public sealed class TokenHygieneTests
{
    public static TheoryData<FakeGitHubRoute, int> EchoingRoutes() => new()
    {
        { FakeGitHubRoute.ListIssueComments, 401 },
        { FakeGitHubRoute.ListIssueComments, 500 },
        { FakeGitHubRoute.CreateIssueComment, 403 },
        { FakeGitHubRoute.GetPullRequest, 404 },
        { FakeGitHubRoute.CreateCommitStatus, 422 },
    };

    [Fact]
    public async Task Plan_Published_TokenAppearsNowhere()
    {
        await using var pr = await StartAsync();
        var summary = pr.Write("summary.md", "");
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.Write("tasks/bad.yaml", PrManifests.Invalid(2));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Single(pr.GitHub.Statuses);
        Assert.All(pr.GitHub.Requests, r => Assert.True(r.Authorized, $"{r.Method} {r.Path} was not authorized"));
        AssertNoTokenAnywhere(pr, run, File.ReadAllText(summary));
    }

    [Theory]
    [MemberData(nameof(EchoingRoutes))]
    public async Task Plan_GitHubEchoesTheAuthorizationHeader_TokenIsRedactedEverywhere(FakeGitHubRoute route, int status)
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.GitHub.FailAlways(route, new FakeGitHubFailure(status, "Request refused") { EchoAuthorization = true });

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());

        // The echo really came back, and what we quoted of it was masked.
        Assert.Contains(pr.GitHub.Requests, r => r.Route == route && r.StatusCode == status);
        Assert.Matches(@"\(received: (?i:token|bearer) \[redacted\]\)", run.Error);
        AssertNoTokenAnywhere(pr, run);
    }

    [Fact]
    public async Task Plan_ManifestQuotesTheToken_CommentAndStatusCarryItMasked()
    {
        // Someone pasted the token into a remark: the platform field is theirs, but the PR comment is ours.
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东").Replace("  dial_time_id: 12", $"  dial_time_id: 12\n  remark: \"{Token}\"", StringComparison.Ordinal));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var comment = Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.DoesNotContain(Token, comment.Body, StringComparison.Ordinal);
        Assert.Contains("+ remark: \"[redacted]\"", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Error, StringComparison.Ordinal);
    }

    private static void AssertNoTokenAnywhere(PrWorkspace pr, CliResult run, params string[] more)
    {
        Assert.DoesNotContain(Token, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Error, StringComparison.Ordinal);
        Assert.All(pr.GitHub.Comments, c => Assert.DoesNotContain(Token, c.Body, StringComparison.Ordinal));
        Assert.All(pr.GitHub.Statuses, s => Assert.DoesNotContain(Token, s.Description ?? "", StringComparison.Ordinal));
        Assert.All(pr.GitHub.Statuses, s => Assert.DoesNotContain(Token, s.TargetUrl ?? "", StringComparison.Ordinal));
        Assert.All(pr.GitHub.Requests, r => Assert.DoesNotContain(Token, r.Body ?? "", StringComparison.Ordinal));
        Assert.All(pr.GitHub.Requests, r => Assert.DoesNotContain(Token, r.Path + r.Query, StringComparison.Ordinal));
        Assert.All(more, text => Assert.DoesNotContain(Token, text, StringComparison.Ordinal));
    }
}

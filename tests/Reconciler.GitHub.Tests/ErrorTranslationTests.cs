using System.Net;
using System.Net.Sockets;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class ErrorTranslationTests
{
    private const int Pr = 3;

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_WrongToken_Throws401SayingWhatToCheckWithoutTheToken()
    {
        await using var github = await Start();
        var wrongToken = UniqueToken();
        using var publisher = Publisher(github, token: wrongToken);

        var (error, console) = await Capture(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), Deadline()));

        Assert.Equal((GitHubFailure.Unauthorized, 401, false), (error.Failure, error.StatusCode, error.IsTransient));
        Assert.StartsWith("GitHub refused the token (401)", error.Message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("pull-requests: write", error.Message, StringComparison.Ordinal);
        Assert.Contains("statuses: write", error.Message, StringComparison.Ordinal);
        AssertNoSecret(wrongToken, error, console);
        Assert.All(github.Requests, r => Assert.Equal((true, false), (r.HadAuthorization, r.Authorized)));
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("status")]
    [InlineData("get")]
    [InlineData("list")]
    public async Task EveryOperation_WrongToken_ThrowsUnauthorized(string operation)
    {
        await using var github = await Start();
        var wrongToken = UniqueToken();
        using var publisher = Publisher(github, token: wrongToken);

        var (error, console) = await Capture(() => operation switch
        {
            "status" => publisher.SetCommitStatusAsync(HeadSha, CommitStatusState.Success, "reconciler/plan", "ok", null, Deadline()),
            "get" => publisher.GetPullRequestAsync(Pr, Deadline()),
            _ => publisher.ListOpenPullRequestsAsync(Deadline()),
        });

        Assert.Equal(GitHubFailure.Unauthorized, error.Failure);
        AssertNoSecret(wrongToken, error, console);
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("forbidden", GitHubFailure.Forbidden, 403, "pull-requests: write")]
    [InlineData("not-found", GitHubFailure.NotFound, 404, "repository or pull request not found (404)")]
    [InlineData("server", GitHubFailure.ServerError, 500, "GitHub failed (500)")]
    [InlineData("bad-gateway", GitHubFailure.ServerError, 502, "retry later")]
    [InlineData("rejected", GitHubFailure.Rejected, 422, "GitHub rejected the request (422)")]
    [InlineData("rate-limit", GitHubFailure.RateLimited, 403, "rate limit exceeded (403)")]
    [InlineData("secondary", GitHubFailure.RateLimited, 403, "secondary rate limit")]
    [InlineData("too-many", GitHubFailure.RateLimited, 429, "rate limit exceeded (429)")]
    public async Task Upsert_GitHubFails_ThrowsTypedErrorSayingWhatToCheck(string failure, GitHubFailure expected, int status, string fragment)
    {
        await using var github = await Start();
        github.FailAlways(FakeGitHubRoute.ListIssueComments, Failure(failure));
        using var publisher = Publisher(github);

        var (error, console) = await Capture(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), Deadline()));

        Assert.Equal((expected, status), (error.Failure, error.StatusCode));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Contains(github.Repository, error.Message, StringComparison.Ordinal);
        Assert.Contains("listing the comments of pull request #3", error.Message, StringComparison.Ordinal);
        AssertNoSecret(github.Token, error, console);
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.CreateIssueComment));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_RateLimited_SaysWhenTheLimitResets()
    {
        await using var github = await Start();
        var reset = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        github.FailAlways(FakeGitHubRoute.CreateIssueComment, FakeGitHubFailure.RateLimited(reset));
        using var publisher = Publisher(github);

        var error = await Assert.ThrowsAsync<GitHubPublishException>(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), Deadline()));

        Assert.Equal(reset, error.RateLimitResetsAt);
        Assert.True(error.IsTransient);
        Assert.Contains("0 of 5000 requests left; it resets at 2031-05-06 07:08:09 UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Status_SecondaryRateLimit_TurnsRetryAfterIntoATime()
    {
        await using var github = await Start();
        var now = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        github.FailAlways(FakeGitHubRoute.CreateCommitStatus, FakeGitHubFailure.SecondaryRateLimited(90));
        using var publisher = new PullRequestPublisher(GitHubOptions.For(github.Repository, github.Token, github.BaseUrl), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));

        var error = await Assert.ThrowsAsync<GitHubPublishException>(() =>
            publisher.SetCommitStatusAsync(HeadSha, CommitStatusState.Pending, "reconciler/plan", "planning", null, Deadline()));

        Assert.Equal(now.AddSeconds(90), error.RateLimitResetsAt);
        Assert.Contains("2030-01-01 12:01:30 UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Get_GitHubTooSlow_ThrowsTimeout()
    {
        await using var github = await Start();
        github.FailAlways(FakeGitHubRoute.GetPullRequest, FakeGitHubFailure.Slow(TimeSpan.FromSeconds(10)));
        using var publisher = Publisher(github, timeout: TimeSpan.FromMilliseconds(300));

        var (error, console) = await Capture(() => publisher.GetPullRequestAsync(Pr, Deadline()));

        Assert.Equal((GitHubFailure.Timeout, (int?)null, true), (error.Failure, error.StatusCode, error.IsTransient));
        Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
        AssertNoSecret(github.Token, error, console);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task List_NothingListening_ThrowsNetworkErrorNamingTheUrl()
    {
        var token = UniqueToken();
        using var publisher = new PullRequestPublisher(GitHubOptions.For("callcentre/tasks", token, new Uri($"http://127.0.0.1:{FreePort()}/api/v3")));

        var (error, console) = await Capture(() => publisher.ListOpenPullRequestsAsync(Deadline()));

        Assert.Equal((GitHubFailure.Network, true), (error.Failure, error.IsTransient));
        Assert.StartsWith("could not reach GitHub at http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        AssertNoSecret(token, error, console);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_ServerEchoesTheAuthorizationHeader_TokenIsRedactedEverywhere()
    {
        await using var github = await Start();
        github.FailAlways(FakeGitHubRoute.CreateIssueComment, FakeGitHubFailure.Forbidden() with { EchoAuthorization = true });
        using var publisher = Publisher(github);

        var (error, console) = await Capture(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), Deadline()));

        Assert.Contains("(received: Token [redacted])", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException); // Octokit's exception quotes the body, token included: it is withheld.
        AssertNoSecret(github.Token, error, console);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_Forbidden_KeepsOctokitsExceptionAsCauseWhenItIsSafe()
    {
        await using var github = await Start();
        github.FailAlways(FakeGitHubRoute.CreateIssueComment, FakeGitHubFailure.Forbidden());
        using var publisher = Publisher(github);

        var error = await Assert.ThrowsAsync<GitHubPublishException>(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), Deadline()));

        Assert.IsType<Octokit.ForbiddenException>(error.InnerException);
        Assert.Contains("GitHub said: Resource not accessible by integration", error.Message, StringComparison.Ordinal);
    }

    private static FakeGitHubFailure Failure(string name) => name switch
    {
        "forbidden" => FakeGitHubFailure.Forbidden(),
        "not-found" => FakeGitHubFailure.NotFound(),
        "server" => FakeGitHubFailure.ServerError(),
        "bad-gateway" => FakeGitHubFailure.ServerError(502),
        "rejected" => new FakeGitHubFailure(422, "Validation Failed"),
        "rate-limit" => FakeGitHubFailure.RateLimited(DateTimeOffset.UtcNow.AddMinutes(20)),
        "secondary" => FakeGitHubFailure.SecondaryRateLimited(60),
        "too-many" => new FakeGitHubFailure(429, "Too many requests") { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static async Task<FakeGitHubServer> Start()
    {
        var github = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions { Token = UniqueToken() });
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        return github;
    }

    private static string UniqueToken() => "ghs_" + Guid.NewGuid().ToString("N");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Runs the call with Console redirected, so anything the adapter might print is scanned too.
    private static async Task<(GitHubPublishException Error, string Console)> Capture(Func<Task> call)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            var error = await Assert.ThrowsAsync<GitHubPublishException>(call);
            return (error, captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private static void AssertNoSecret(string token, GitHubPublishException error, string console)
    {
        // The last 12 characters are distinctive enough to catch a partly quoted token too.
        foreach (var secret in new[] { token, token[^12..] })
        {
            Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, console, StringComparison.Ordinal);
            for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
            {
                Assert.DoesNotContain(secret, inner.ToString(), StringComparison.Ordinal);
            }
        }
    }
}

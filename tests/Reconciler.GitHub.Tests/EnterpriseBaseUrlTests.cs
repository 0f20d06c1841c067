using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

public sealed class EnterpriseBaseUrlTests
{
    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("")]
    [InlineData("api/v3")]
    [InlineData("api/v3/")]
    public async Task Upsert_EnterpriseStyleBaseUrl_RequestsUnderApiV3(string path)
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(1, HeadSha));
        using var publisher = Publisher(github, apiUrl: new Uri(github.BaseUrl, path));

        await publisher.UpsertPlanCommentAsync(1, Marker, Plan("x"), Deadline());

        Assert.Equal(new Uri(github.BaseUrl, "api/v3/"), publisher.ApiUrl);
        Assert.Equal("/api/v3/user", Assert.Single(github.RequestsTo(FakeGitHubRoute.GetAuthenticatedUser)).Path);
        Assert.All(github.Requests.Where(r => r.Route != FakeGitHubRoute.GetAuthenticatedUser), r => Assert.StartsWith($"/api/v3/repos/{github.Repository}/issues/", r.Path, StringComparison.Ordinal));
        Assert.Single(github.CommentsOn(1));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_BaseUrlWithPathPrefixAndNoTrailingSlash_KeepsThePrefix()
    {
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions { PathPrefixes = ["/gateway/github/api/v3"] });
        github.AddPullRequest(new FakePullRequest(1, HeadSha));
        github.AddForeignComments(1, 120);
        using var publisher = Publisher(github, apiUrl: new Uri(github.BaseUrl, "gateway/github/api/v3"));

        var result = await publisher.UpsertPlanCommentAsync(1, Marker, Plan("x"), Deadline());
        await publisher.SetCommitStatusAsync(HeadSha, CommitStatusState.Success, "reconciler/plan", "ok", null, Deadline());

        Assert.Equal(CommentAction.Created, result.Action);
        Assert.All(github.Requests, r => Assert.StartsWith("/gateway/github/api/v3/", r.Path, StringComparison.Ordinal));
        Assert.All(github.Requests.Where(r => r.Route != FakeGitHubRoute.GetAuthenticatedUser), r => Assert.StartsWith("/gateway/github/api/v3/repos/", r.Path, StringComparison.Ordinal));
        Assert.All(github.Requests, r => Assert.Equal(200, r.StatusCode / 100 * 100));

        // The second page was fetched through the Link header, under the same prefix.
        Assert.Equal(2, github.RequestsTo(FakeGitHubRoute.ListIssueComments).Count);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Requests_SendTaskReconcilerUserAgentAndTheToken()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        await publisher.ListOpenPullRequestsAsync(Deadline());

        var request = Assert.Single(github.Requests);
        Assert.StartsWith("task-reconciler", request.UserAgent, StringComparison.Ordinal);
        Assert.True(request.Authorized);
        Assert.DoesNotContain(github.Token, request.ToString(), StringComparison.Ordinal);
    }
}

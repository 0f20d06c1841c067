using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>The fake itself, seen over raw HTTP: pagination, authorization, prefixes.</summary>
public sealed class FakeGitHubServerTests
{
    [Fact(Timeout = TestTimeoutMs)]
    public async Task ListComments_MiddlePage_HasLinkHeaderWithNextLastFirstPrev()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(9, HeadSha));
        github.AddForeignComments(9, 75);
        using var http = Client(github, $"token {github.Token}");

        using var response = await http.GetAsync(new Uri(github.BaseUrl, $"api/v3/repos/{github.Repository}/issues/9/comments?per_page=30&page=2"), Deadline());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = Assert.Single(response.Headers.GetValues("Link"));
        var prefix = $"{github.BaseUrl}api/v3/repos/{github.Repository}/issues/9/comments?per_page=30&page=";
        Assert.Equal($"<{prefix}3>; rel=\"next\", <{prefix}3>; rel=\"last\", <{prefix}1>; rel=\"first\", <{prefix}1>; rel=\"prev\"", link);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Deadline()));
        Assert.Equal(30, page.RootElement.GetArrayLength());
        Assert.Equal("Looks good to me (31). <!-- some-other-bot -->", page.RootElement[0].GetProperty("body").GetString());
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ListComments_LastPage_HasNoNextLink()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(9, HeadSha));
        github.AddForeignComments(9, 10);
        using var http = Client(github, $"Bearer {github.Token}");

        using var response = await http.GetAsync(new Uri(github.BaseUrl, $"repos/{github.Repository}/issues/9/comments"), Deadline());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData(null)]
    [InlineData("token wrong")]
    [InlineData("Basic Zm9vOmJhcg==")]
    public async Task AnyRoute_WithoutTheToken_Is401AndRecordedWithoutTheValue(string? authorization)
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var http = Client(github, authorization);

        using var response = await http.GetAsync(new Uri(github.BaseUrl, $"api/v3/repos/{github.Repository}/pulls"), Deadline());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bad credentials", await response.Content.ReadAsStringAsync(Deadline()), StringComparison.Ordinal);
        var recorded = Assert.Single(github.Requests);
        Assert.Equal((authorization is not null, false, 401), (recorded.HadAuthorization, recorded.Authorized, recorded.StatusCode));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task UnknownRouteOrRepository_Is404()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var http = Client(github, $"token {github.Token}");

        using var other = await http.GetAsync(new Uri(github.BaseUrl, "api/v3/repos/someone/else/pulls"), Deadline());
        using var unknown = await http.GetAsync(new Uri(github.BaseUrl, $"api/v3/repos/{github.Repository}/branches"), Deadline());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, unknown.StatusCode));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task FailNext_FailsOnceThenServesNormally()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(1, HeadSha));
        github.FailNext(FakeGitHubRoute.GetPullRequest, FakeGitHubFailure.ServerError(503));
        using var http = Client(github, $"token {github.Token}");
        var url = new Uri(github.BaseUrl, $"api/v3/repos/{github.Repository}/pulls/1");

        using var first = await http.GetAsync(url, Deadline());
        using var second = await http.GetAsync(url, Deadline());

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }

    private static HttpClient Client(FakeGitHubServer github, string? authorization)
    {
        var http = new HttpClient { BaseAddress = github.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return http;
    }
}

using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

public sealed class PullRequestReadTests
{
    [Fact(Timeout = TestTimeoutMs)]
    public async Task GetPullRequest_Open_ReturnsHeadAndBase()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(42, HeadSha) { HeadRef = "ops/raise-maximumcall", BaseSha = new string('b', 40), BaseRef = "main" });
        using var publisher = Publisher(github);

        var pull = await publisher.GetPullRequestAsync(42, Deadline());

        Assert.Equal(new PullRequestHead(42, PullRequestState.Open, HeadSha, "ops/raise-maximumcall", new string('b', 40), "main", github.Repository), pull);
        Assert.Equal($"/api/v3/repos/{github.Repository}/pulls/42", Assert.Single(github.Requests).Path);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task GetPullRequest_MergedFromAFork_SaysMergedAndNamesTheFork()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(5, HeadSha) { State = "closed", Merged = true, HeadRepository = "contractor/tasks" });
        github.AddPullRequest(new FakePullRequest(6, HeadSha) { State = "closed" });
        using var publisher = Publisher(github);

        var merged = await publisher.GetPullRequestAsync(5, Deadline());
        var closed = await publisher.GetPullRequestAsync(6, Deadline());

        Assert.Equal((PullRequestState.Merged, "contractor/tasks"), (merged.State, merged.HeadRepository));
        Assert.Equal(PullRequestState.Closed, closed.State);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task GetPullRequest_Missing_ThrowsNotFoundNamingIt()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        var error = await Assert.ThrowsAsync<GitHubPublishException>(() => publisher.GetPullRequestAsync(404, Deadline()));

        Assert.Equal((GitHubFailure.NotFound, 404), (error.Failure, error.StatusCode));
        Assert.Contains("pull request #404", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ListOpenPullRequests_AcrossThreePages_ReturnsEveryOpenOneOnce()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        for (var n = 1; n <= 250; n++)
        {
            var sha = n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
            github.AddPullRequest(new FakePullRequest(n, sha) { State = n % 25 == 0 ? "closed" : "open" });
        }

        using var publisher = Publisher(github);

        var open = await publisher.ListOpenPullRequestsAsync(Deadline());

        Assert.Equal(240, open.Count);
        Assert.Equal(Enumerable.Range(1, 250).Where(n => n % 25 != 0), open.Select(p => p.Number));
        Assert.All(open, p => Assert.Equal(PullRequestState.Open, p.State));
        Assert.Equal(249.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), open.Single(p => p.Number == 249).HeadSha);
        var requests = github.RequestsTo(FakeGitHubRoute.ListPullRequests);
        Assert.Equal(["1", "2", "3"], requests.Select(r => r.QueryValue("page") ?? "1"));
        Assert.All(requests, r => Assert.Equal("open", r.QueryValue("state")));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ListOpenPullRequests_None_ReturnsEmpty()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        Assert.Empty(await publisher.ListOpenPullRequestsAsync(Deadline()));
    }
}

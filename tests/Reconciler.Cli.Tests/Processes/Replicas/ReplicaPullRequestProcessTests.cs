using Reconciler.Testing.GitHub;
using Reconciler.Testing.Postgres;

namespace Reconciler.Cli.Tests.Processes.Replicas;

/// <summary>
/// Pull-request plans from real replicas sharing one PostgreSQL state and one (fake) GitHub: only the leader lists
/// pull requests and posts plans; a follower never calls GitHub, and after a takeover the new leader keeps the one
/// comment. Each replica reaches the fake under its own path prefix, so every request says which replica sent it.
/// </summary>
public sealed class ReplicaPullRequestProcessTests
{
    private static readonly string[] Names = ["a", "b", "c"];

    [PostgresFact]
    public async Task PullRequestPlans_OnlyTheLeaderPostsThem_AndTheNewLeaderKeepsTheOneComment()
    {
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions { PathPrefixes = [.. Names.Select(n => $"/{n}/api/v3")] });
        await using var cluster = await ReplicaCluster.StartAsync();
        cluster.CommitTasks(2);
        github.AddPullRequest(new FakePullRequest(1, cluster.PushBranch("feature/1", 0, "拉取请求改名")));
        foreach (var name in Names)
        {
            cluster.Start(
                name,
                new Dictionary<string, string> { ["GITHUB_TOKEN"] = github.Token },
                "--github-repo", github.Repository, "--github-api-url", new Uri(github.BaseUrl, $"{name}/api/v3/").ToString());
        }

        await ReplicaCluster.WaitUntilAsync(() => cluster.ConvergedAsync("v1"), "the two tasks applied");
        var leader = Assert.Single(cluster.Puts().Select(p => p.Client).Distinct())!;
        await ReplicaCluster.WaitUntilAsync(() => Task.FromResult(github.CommentsOn(1).Count > 0), "a plan on pull request #1");

        // Followers poll every second: once each shows a later revision of main, it has had passes enough to call GitHub.
        cluster.CommitTasks(2, "v2");
        await ReplicaCluster.WaitUntilAsync(() => cluster.ConvergedAsync("v2"), "the new revision applied");
        foreach (var follower in Names.Where(n => n != leader))
        {
            await ReplicaCluster.WaitUntilAsync(
                async () => await cluster.StatusAsync(follower) is { } view && view.GetProperty("watched_revision").GetString() == cluster.Remote.HeadCommitId,
                $"follower {follower} shows main's new revision");
        }

        Assert.All(github.Requests, r => Assert.StartsWith($"/{leader}/", r.Path, StringComparison.Ordinal));
        var comment = Assert.Single(github.CommentsOn(1));
        Assert.Contains("拉取请求改名", comment.Body, StringComparison.Ordinal);

        // The leader dies: the replica that takes over plans the pull request again, editing the same comment.
        cluster.Process(leader).Kill();
        var requestsBefore = github.Requests.Count;
        await ReplicaCluster.WaitUntilAsync(
            () => Task.FromResult(github.Requests.Skip(requestsBefore).Any(r => r.Route == FakeGitHubRoute.ListPullRequests)),
            "the new leader lists the pull requests");
        var newLeader = github.Requests.Skip(requestsBefore).First(r => r.Route == FakeGitHubRoute.ListPullRequests).Path.Split('/')[1];
        Assert.NotEqual(leader, newLeader);
        Assert.Equal("leader", await cluster.RoleAsync(newLeader));
        await ReplicaCluster.WaitUntilAsync(
            () => Task.FromResult(github.Requests.Skip(requestsBefore).Any(r => r.Route == FakeGitHubRoute.CreateCommitStatus)),
            "the new leader's plan posted");

        Assert.All(github.Requests.Skip(requestsBefore), r => Assert.StartsWith($"/{newLeader}/", r.Path, StringComparison.Ordinal));
        Assert.Equal(comment.Id, Assert.Single(github.CommentsOn(1)).Id);
    }
}

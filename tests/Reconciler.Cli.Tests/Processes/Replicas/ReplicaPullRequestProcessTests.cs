using Reconciler.Testing.GitHub;
using Reconciler.Testing.Postgres;

namespace Reconciler.Cli.Tests.Processes.Replicas;

/// <summary>
/// Pull-request plans from real replicas sharing one PostgreSQL state and one (fake) GitHub: only the leader lists
/// pull requests and posts plans; a follower never calls GitHub, and after a takeover the new leader keeps the one
/// comment. Each replica reaches the fake under its own path prefix, so every request says which replica sent it.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
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

        // The leader dies: the replica that takes over plans the pull request again, editing the same comment. (A
        // request the old leader had in flight may still arrive after the kill: only the other two prefixes count.)
        cluster.Process(leader).Kill();
        bool FromNewLeader(FakeGitHubRequest r, FakeGitHubRoute route) => r.Route == route && !r.Path.StartsWith($"/{leader}/", StringComparison.Ordinal);
        await ReplicaCluster.WaitUntilAsync(
            () => Task.FromResult(github.Requests.Any(r => FromNewLeader(r, FakeGitHubRoute.ListPullRequests))),
            "the new leader lists the pull requests");
        var newLeader = github.Requests.First(r => FromNewLeader(r, FakeGitHubRoute.ListPullRequests)).Path.Split('/')[1];
        Assert.Equal("leader", await cluster.RoleAsync(newLeader));
        await ReplicaCluster.WaitUntilAsync(
            () => Task.FromResult(github.Requests.Any(r => FromNewLeader(r, FakeGitHubRoute.CreateCommitStatus))),
            "the new leader's plan posted");

        var stillFollowing = Names.Single(n => n != leader && n != newLeader);
        Assert.DoesNotContain(github.Requests, r => r.Path.StartsWith($"/{stillFollowing}/", StringComparison.Ordinal));
        // Against the state v2 left, the plan differs (both tasks now to update): the comment was edited, not added.
        Assert.Contains(github.Requests, r => FromNewLeader(r, FakeGitHubRoute.UpdateIssueComment));
        Assert.Equal(comment.Id, Assert.Single(github.CommentsOn(1)).Id);
    }
}

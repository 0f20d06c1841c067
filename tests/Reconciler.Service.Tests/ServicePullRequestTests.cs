using Reconciler.Service.GitHub;
using Reconciler.Service.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Git;
using Reconciler.GitHub;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>Plans of open pull requests, posted from the service: one comment per pull request, updated only when its head moves.</summary>
public sealed class ServicePullRequestTests
{
    [Fact]
    public async Task PullRequests_HeadMoves_ItsOneCommentIsUpdatedInPlace()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        var head = PushBranch(service, "feature/1", tasks[0], "PR 第一版");
        github.AddPullRequest(new FakePullRequest(1, head));
        await StartAsync(service, github);
        await service.WaitForPassesAsync(1);

        var comment = Assert.Single(github.CommentsOn(1));
        Assert.Contains("PR 第一版", comment.Body, StringComparison.Ordinal);
        Assert.Contains("1 to update", comment.Body, StringComparison.Ordinal);
        Assert.Equal((head, "success", PullRequestWatcher.StatusContext), (github.Statuses[0].Sha, github.Statuses[0].State, github.Statuses[0].Context));

        var moved = PushBranch(service, "feature/1", tasks[0], "PR 第二版");
        github.AddPullRequest(new FakePullRequest(1, moved));
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForPassesAsync(2);

        var updated = Assert.Single(github.CommentsOn(1));
        Assert.Equal(comment.Id, updated.Id);
        Assert.Contains("PR 第二版", updated.Body, StringComparison.Ordinal);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
        Assert.Equal(moved, github.Statuses[^1].Sha);
        Assert.Equal(1, service.Puts(tasks[0])); // only the adopt from main: a pull request is planned, never applied
        Assert.DoesNotContain("PR 第", service.Simulator.Task(tasks[0]).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullRequests_HeadNotMoved_IsNotReplanned()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        github.AddPullRequest(new FakePullRequest(7, PushBranch(service, "feature/7", tasks[0], "没有再动")));
        await StartAsync(service, github);
        await service.WaitForPassesAsync(1);
        github.ClearRequests();

        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForPassesAsync(2);

        Assert.Single(github.RequestsTo(FakeGitHubRoute.ListPullRequests));
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.ListIssueComments));
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.CreateCommitStatus));
        Assert.Single(github.CommentsOn(7));
        Assert.Equal(1, service.App.Services.GetRequiredService<PullRequestWatcher>().Planned);
        Assert.DoesNotContain(github.Token, service.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullRequests_FromAForkOrToAnotherBranch_AreNotPlanned()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        var head = PushBranch(service, "feature/4", tasks[0], "发往别的分支");
        github.AddPullRequest(new FakePullRequest(3, "3333333333333333333333333333333333333333") { HeadRepository = "someone/tasks" });
        github.AddPullRequest(new FakePullRequest(4, head) { BaseRef = "release" });
        await StartAsync(service, github);
        await service.WaitForPassesAsync(1);

        Assert.Empty(github.Comments);
        Assert.Empty(github.Statuses);
        Assert.Contains(service.Logs.Lines, l => l.Contains("#3 comes from the fork someone/tasks", StringComparison.Ordinal));
    }

    [Trait("Category", "Slow")] // several service passes and a CLI plan
    [Fact]
    public async Task PullRequests_CiPlanAndServicePlan_StayTwoCommentsWithTwoStatusesEachNamingItsBaseline()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        var main = service.Remote.CommitAndPush("two tasks");
        var head = PushBranch(service, "feature/9", tasks[0], "两条计划");
        github.AddPullRequest(new FakePullRequest(9, head));
        await StartAsync(service, github);
        await service.WaitForPassesAsync(1);

        // CI's path, as `plan --base main --github-repo … --pr 9` takes it: the engine against the base revision, the shared publisher.
        using var reader = new LocalRepositoryReader(service.Remote.WorkPath, ManifestGlob.Default);
        var ciPlan = (await new PlanningEngine(new ReconcileSettings()).PlanAsync(reader.ReadAt(head), CompareWith.BaseRevision(reader.ReadAt(main)), PlanOptions.Default, service.Token)).Plan;
        using var client = new PullRequestPublisher(GitHubOptions.For(github.Repository, github.Token, github.ApiUrl));
        var ci = await new PlanPublisher(client).PublishAsync(ciPlan, 9, head, null, service.Token);
        Assert.True(ci.Succeeded, ci.CommentError ?? ci.StatusError);

        // A second push: the service edits its own comment; CI's stays as it was.
        var moved = PushBranch(service, "feature/9", tasks[0], "两条计划-第二版");
        github.AddPullRequest(new FakePullRequest(9, moved));
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForPassesAsync(2);

        var comments = github.CommentsOn(9);
        Assert.Equal(2, comments.Count);
        var live = Assert.Single(comments, c => c.Body.StartsWith(PlanChannel.LiveState.Marker, StringComparison.Ordinal));
        var baseRevision = Assert.Single(comments, c => c.Body.StartsWith(PlanChannel.BaseRevision.Marker, StringComparison.Ordinal));
        Assert.Contains("compared with the live state", live.Body, StringComparison.Ordinal);
        Assert.Contains("两条计划-第二版", live.Body, StringComparison.Ordinal);
        Assert.Contains($"compared with the base revision `{main[..12]}`", baseRevision.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("第二版", baseRevision.Body, StringComparison.Ordinal);
        Assert.Equal(
            ["reconciler/plan", "reconciler/plan-live"],
            github.Statuses.Select(s => s.Context).Distinct().Order(StringComparer.Ordinal));
    }

    private static async Task StartAsync(ServiceHarness service, FakeGitHubServer github)
    {
        service.SetEnvironment("GITHUB_TOKEN", github.Token);
        await service.StartAsync(new Dictionary<string, string?> { ["GitHubRepo"] = github.Repository, ["GitHubApiUrl"] = github.ApiUrl.ToString() });
    }

    /// <summary>Commits a renamed task on <paramref name="branch"/> (created from main if needed), pushes it, and returns to main.</summary>
    private static string PushBranch(ServiceHarness service, string branch, TaskIdentity task, string name)
    {
        var remote = service.Remote;
        if (remote.WorkingRepository.Branches[branch] is null)
        {
            remote.CreateBranch(branch);
        }
        else
        {
            remote.Checkout(branch);
        }

        remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(task, name));
        var head = remote.CommitAndPush($"rename on {branch}");
        remote.Checkout("main");
        return head;
    }
}

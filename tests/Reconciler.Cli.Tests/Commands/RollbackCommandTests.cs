using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.GitHub;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>reconciler rollback --to REVISION --repo</c>: the earlier revision's bodies sent now, the branch's revision held in the state.</summary>
public sealed class RollbackCommandTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Rollback_Repo_RestoresTheEarlierBodies_HoldsTheBranchRevision_AndHistoryDiffShowsIt()
    {
        using var work = new ApplyWorkspace(simulator);
        using var remote = new TestGitRemote();
        var tasks = Enumerable.Range(0, 2).Select(_ => simulator.CreateTask(work.Account)).ToList();
        var good = Commit(remote, tasks, "第一版");
        Assert.Equal(0, (await ApplyAsync(work, remote)).ExitCode);
        var bad = Commit(remote, tasks, "第二版");
        Assert.Equal(0, (await ApplyAsync(work, remote)).ExitCode);

        var result = await work.RunAsync(["rollback", "--to", good, "--repo", remote.FileUrl, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Rollback: the manifests of {good[..12]} against the state (the branch is at {bad[..12]}).", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 to update", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Rolled back to {good[..12]}: a service on this state holds {bad[..12]}", result.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Contains("第一版", work.Task(t).Body, StringComparison.Ordinal));
        await using (var store = await SqliteStateStore.OpenAsync(work.StatePath))
        {
            var hold = await store.ReadHoldAsync(CancellationToken.None);
            Assert.Equal((RevisionHoldKind.RolledBack, bad, good), (hold!.Kind, hold.Revision, hold.RolledBackTo));
        }

        var history = await work.RunAsync(["state", "history", "--task", tasks[0].TaskId, "--diff", "--state", ApplyWorkspace.StateFile]);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains("~ /name: \"第二版-0\" -> \"第一版-0\"", history.Out, StringComparison.Ordinal);
        Assert.Contains("~ /name: \"第一版-0\" -> \"第二版-0\"", history.Out, StringComparison.Ordinal);
        Assert.Contains("(the first body accepted in this history", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_GitHubRepo_OpensARevertPullRequestFromTheHeadToTheRolledBackTree()
    {
        using var work = new ApplyWorkspace(simulator);
        using var remote = new TestGitRemote();
        await using var github = await FakeGitHubServer.StartAsync();
        var tasks = Enumerable.Range(0, 2).Select(_ => simulator.CreateTask(work.Account)).ToList();
        var good = Commit(remote, tasks, "第一版");
        var bad = Commit(remote, tasks, "第二版");
        Assert.Equal(0, (await ApplyAsync(work, remote)).ExitCode);
        work.Environment["GITHUB_TOKEN"] = new FakeGitHubServerOptions().Token;

        var result = await work.RunAsync(["rollback", "--to", good, "--repo", remote.FileUrl, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve",
            "--github-repo", "callcentre/tasks", "--github-api-url", github.ApiUrl.ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var pull = Assert.Single(github.PullRequests);
        Assert.Contains($"Revert pull request #{pull.Number}:", result.Out, StringComparison.Ordinal);
        Assert.Equal(($"rollback/{good[..12]}-from-{bad[..12]}", "main", $"Roll back to {good[..12]}"), (pull.HeadRef, pull.BaseRef, pull.Title));
        var commit = Assert.Single(github.RequestsTo(FakeGitHubRoute.CreateGitCommit));
        Assert.Contains($"\"tree\":\"tree-of-{good}\"", commit.Body, StringComparison.Ordinal);
        Assert.Contains($"\"parents\":[\"{bad}\"]", commit.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(new FakeGitHubServerOptions().Token, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ToTheBranchHead_IsRefused()
    {
        using var work = new ApplyWorkspace(simulator);
        using var remote = new TestGitRemote();
        var head = Commit(remote, [simulator.CreateTask(work.Account)], "第一版");

        var result = await work.RunAsync(["rollback", "--to", head, "--repo", remote.FileUrl, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is the branch's current revision: nothing to roll back", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ToACommitOutsideTheBranchsHistory_IsRefusedAndSendsNothing()
    {
        using var work = new ApplyWorkspace(simulator);
        using var remote = new TestGitRemote();
        var tasks = new[] { simulator.CreateTask(work.Account) };
        Commit(remote, tasks, "第一版");
        remote.CreateBranch("side");
        remote.Checkout("side");
        var side = Commit(remote, tasks, "旁支");
        remote.Checkout("main");
        Commit(remote, tasks, "第二版");
        Assert.Equal(0, (await ApplyAsync(work, remote)).ExitCode);
        var before = work.Task(tasks[0]).Body;

        var result = await work.RunAsync(["rollback", "--to", side, "--repo", remote.FileUrl, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is not in the history of main", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, work.Task(tasks[0]).Body);
        Assert.Contains("第二版", before, StringComparison.Ordinal);
    }

    private static string Commit(TestGitRemote remote, IReadOnlyList<TaskIdentity> tasks, string version)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            remote.Write($"tasks/t{i}.yaml", TaskYaml.Manifest(tasks[i], SampleBodies.V2(name: $"{version}-{i}")));
        }

        return remote.CommitAndPush(version);
    }

    private static Task<CliResult> ApplyAsync(ApplyWorkspace work, TestGitRemote remote) =>
        work.RunAsync(["apply", "--repo", remote.FileUrl, "--api-url", work.Simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"]);
}

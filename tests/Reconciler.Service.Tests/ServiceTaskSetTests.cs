using Reconciler.Service.Tests.Support;
using Reconciler.Testing;
using Reconciler.Testing.GitHub;
using Reconciler.Testing.State;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>The service following a branch that holds a TaskSet: the CSV is read from the watched commit, and a CSV-only push is planned.</summary>
public sealed class ServiceTaskSetTests
{
    [Fact]
    public async Task Run_CsvOnlyPush_SendsOnePutForTheChangedRow()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = Enumerable.Range(0, 4).Select(_ => service.Simulator.CreateTask(service.Account)).ToList();
        service.Remote.Write("tasks/reminders.yaml", TaskSetManifests.Set(service.Account.UserId))
            .Write("tasks/reminders.csv", TaskSetManifests.Csv(tasks.Select(t => t.TaskId)));
        service.Remote.CommitAndPush("a set of four");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        Assert.All(tasks, t => Assert.Equal(1, service.Puts(t)));
        service.Simulator.State.ClearRequestLog();

        service.Remote.Write("tasks/reminders.csv", TaskSetManifests.Csv(tasks.Select(t => t.TaskId), i => i == 2 ? "还款提醒-改名" : $"还款提醒-{i}"));
        var commit = service.Remote.CommitAndPush("rename one row");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.Equal(1, service.Puts());
        Assert.Contains("还款提醒-改名", service.Simulator.Task(tasks[2]).Body, StringComparison.Ordinal);
        var state = await StateSeeder.LoadAsync(service.StatePath);
        Assert.Equal(commit, state[tasks[2]].SourceRevision);
        Assert.All(state.Values, r => Assert.Equal(("reminders", "tasks/reminders.yaml"), (r.SetName, r.SourceFile)));
    }

    [Fact]
    public async Task PullRequests_ChangedCsv_IsPlannedAgainstTheLiveState()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = Enumerable.Range(0, 3).Select(_ => service.Simulator.CreateTask(service.Account)).ToList();
        service.Remote.Write("tasks/reminders.yaml", TaskSetManifests.Set(service.Account.UserId))
            .Write("tasks/reminders.csv", TaskSetManifests.Csv(tasks.Select(t => t.TaskId)));
        service.Remote.CommitAndPush("a set of three");
        service.Remote.CreateBranch("feature/csv");
        service.Remote.Write("tasks/reminders.csv", TaskSetManifests.Csv(tasks.Select(t => t.TaskId), i => i == 1 ? "PR 改名" : $"还款提醒-{i}"));
        var head = service.Remote.CommitAndPush("rename row 1 in a pull request");
        service.Remote.Checkout("main");
        github.AddPullRequest(new FakePullRequest(3, head));
        service.SetEnvironment("GITHUB_TOKEN", github.Token);

        await service.StartAsync(new Dictionary<string, string?> { ["GitHubRepo"] = github.Repository, ["GitHubApiUrl"] = github.ApiUrl.ToString() });
        await service.WaitForPassesAsync(1);

        var comment = Assert.Single(github.CommentsOn(3));
        Assert.Contains("1 to update", comment.Body, StringComparison.Ordinal);
        Assert.Contains("PR 改名", comment.Body, StringComparison.Ordinal);
        Assert.Contains("tasks/reminders.csv", comment.Body, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(1, service.Puts(t))); // main adopted; the pull request is planned, never applied
    }
}

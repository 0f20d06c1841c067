using System.Net.Http.Json;
using Reconciler.Service.Tests.Support;
using Reconciler.State;
using Reconciler.Testing.State;
using TaskApi.Simulator.Faults;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>Force-pushes, an unreachable remote, running tasks and a failing API, all driven by the fake clock.</summary>
public sealed class ServiceResilienceTests
{
    private static readonly string[] RetryTriggers = ["resync", "retry"];

    [Fact]
    public async Task Run_ForcePush_IsFollowed()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        var first = service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(tasks[0], "第二版"));
        service.Remote.CommitAndPush("second version");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        service.Remote.ResetHard(first);
        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(tasks[0], "改写历史的版本"));
        var rewritten = service.Remote.Commit("rewritten history");
        service.Remote.ForcePush();
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(3);

        Assert.Contains("改写历史的版本", service.Simulator.Task(tasks[0]).Body, StringComparison.Ordinal);
        var status = await service.StatusAsync();
        Assert.Equal(rewritten, status.GetProperty("watched_revision").GetString());
        Assert.Equal(rewritten, (await StateSeeder.LoadAsync(service.StatePath))[tasks[0]].SourceRevision);
    }

    [Fact]
    public async Task Run_RemoteUnreachable_KeepsLastGoodRevisionBacksOffAndRecovers()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        var good = service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForPassesAsync(1);

        service.Remote.TakeOffline();
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);
        var status = await service.StatusAsync();
        Assert.Equal(good, status.GetProperty("watched_revision").GetString());
        Assert.NotNull(status.GetProperty("last_fetch_error").GetString());
        Assert.Equal(1, status.GetProperty("consecutive_fetch_failures").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await service.Http.GetAsync("readyz", service.Token)).StatusCode);
        await service.WaitForPassesAsync(2);

        // Backed off: the next poll is two intervals after the failure, so one interval later nothing happens.
        service.Advance(ServiceHarness.OnePoll);
        service.Remote.BringOnline();
        service.Remote.Write(ServiceManifests.Path(1), ServiceManifests.Valid(tasks[1], "恢复之后"));
        var recovered = service.Remote.CommitAndPush("after the outage");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(3);
        await service.WaitForPassesAsync(3);

        Assert.Equal(3, service.App.Status.Passes); // no pass at the first interval after the failure
        Assert.Contains("恢复之后", service.Simulator.Task(tasks[1]).Body, StringComparison.Ordinal);
        status = await service.StatusAsync();
        Assert.Equal(recovered, status.GetProperty("watched_revision").GetString());
        Assert.Equal(JsonNull, status.GetProperty("last_fetch_error").ValueKind);
        await using var store = await SqliteStateStore.OpenAsync(service.StatePath);
        var runs = await store.ReadRunsAsync(10, service.Token);
        Assert.Contains(runs, r => r.Error is not null && r.Error.Contains("Unreachable", StringComparison.Ordinal) && r.Revision == good);
        Assert.Contains(service.Logs.Lines, l => l.Contains("fetch failed (Unreachable)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_BranchDeleted_IsReportedAndNothingIsUnmanaged()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        var good = service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        service.Remote.DeleteRemoteBranch("main");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        var status = await service.StatusAsync();
        Assert.Contains("RefNotFound", status.GetProperty("last_run").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(good, status.GetProperty("watched_revision").GetString());
        Assert.Equal(tasks.ToHashSet(), (await StateSeeder.LoadAsync(service.StatePath)).Keys.ToHashSet());
        Assert.Contains("reconciler_runs_total{trigger=\"poll\",result=\"error\"} 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BlockedTask_IsAppliedOnResyncAfterItStops_WithoutANewCommit()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var running = service.AddTasks(1, running: true)[0];
        service.Remote.CommitAndPush("a task that is dialling");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var status = await service.StatusAsync();
        var task = ServiceHarness.TaskStatus(status, running);
        Assert.Equal("blocked", task.GetProperty("state").GetString());
        // Blocked by the running check: no PUT, so no 6007 from the platform; the message says what the detail read.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, task.GetProperty("api_code").ValueKind);
        Assert.StartsWith("not sent: the task detail reads status 3", task.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, service.Simulator.Task(running).AppliedCount);
        var problems = await service.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("status?tasks=problems", service.Token);
        Assert.Equal(running.TaskId, Assert.Single(problems.GetProperty("tasks").EnumerateArray()).GetProperty("task_id").GetString());

        service.Simulator.State.SetRunning(running.UserId, running.TaskId, running: false);
        service.Advance(TimeSpan.FromMinutes(5));
        await service.WaitForRunsAsync(2);

        Assert.Equal(1, service.Simulator.Task(running).AppliedCount);
        Assert.True((await StateSeeder.LoadAsync(service.StatePath)).ContainsKey(running));
        status = await service.StatusAsync();
        Assert.Contains(status.GetProperty("last_run").GetProperty("trigger").GetString(), RetryTriggers);
        Assert.Equal("applied", ServiceHarness.TaskStatus(status, running).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Run_FailingTask_IsRetriedWithExponentialBackoff_NotOnEveryPoll()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var task = service.AddTasks(1)[0];
        service.Remote.CommitAndPush("one task");
        service.Simulator.State.EnqueueFault(new QueuedFault(FaultKind.ServiceUnavailable, 4) { TaskId = task.TaskId, Operation = global::TaskApi.Simulator.ApiOperation.UpdateTask });
        await service.StartAsync(new Dictionary<string, string?> { ["RetryBase"] = "30s", ["RetryMax"] = "10m" });
        await service.WaitForRunsAsync(1);
        Assert.Equal(1, service.Puts(task));

        service.Advance(TimeSpan.FromSeconds(30));   // T+30: first retry (30 s)
        await service.WaitForRunsAsync(2);
        Assert.Equal(2, service.Puts(task));
        service.Advance(TimeSpan.FromSeconds(60));   // T+90: second retry (60 s later)
        await service.WaitForRunsAsync(3);
        Assert.Equal(3, service.Puts(task));

        await service.WaitForPassesAsync(3);
        service.Advance(TimeSpan.FromSeconds(70));   // T+160: a poll is due, the retry (120 s) is not
        await service.WaitForPassesAsync(4);
        Assert.Equal(3, service.Puts(task));
        Assert.Equal(3, service.App.Status.Runs);

        service.Advance(TimeSpan.FromSeconds(50));   // T+210: third retry
        await service.WaitForRunsAsync(4);
        Assert.Equal(4, service.Puts(task));
        var status = await service.StatusAsync();
        var view = ServiceHarness.TaskStatus(status, task);
        Assert.Equal(4, view.GetProperty("failures").GetInt32());
        Assert.Equal(ServiceHarness.Start.AddSeconds(210 + 240), view.GetProperty("retry_at").GetDateTimeOffset());

        service.Advance(TimeSpan.FromSeconds(240));  // T+450: the fault queue is used up, the task goes through
        await service.WaitForRunsAsync(5);
        Assert.Equal(1, service.Simulator.Task(task).AppliedCount);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

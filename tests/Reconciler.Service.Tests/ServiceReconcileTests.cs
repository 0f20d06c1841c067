using Reconciler.Service.Tests.Support;
using Reconciler.State;
using Reconciler.Testing.State;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>The service following a branch: adopt on first run, one PUT per changed manifest, invalid manifests isolated.</summary>
public sealed class ServiceReconcileTests
{
    [Fact]
    public async Task Run_FirstRun_AdoptsEveryTaskAndSkipsSuspended()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(3);
        var suspended = service.Simulator.CreateTask(service.Account);
        service.Remote.Write("tasks/suspended.yaml", ServiceManifests.Valid(suspended, "暂停的任务", suspend: true));
        var commit = service.Remote.CommitAndPush("three tasks and a suspended one");

        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        Assert.All(tasks, t => Assert.Equal(1, service.Simulator.Task(t).AppliedCount));
        Assert.Equal(0, service.Puts(suspended));
        var state = await StateSeeder.LoadAsync(service.StatePath);
        Assert.Equal(tasks.ToHashSet(), state.Keys.ToHashSet());
        Assert.All(state.Values, r => Assert.Equal(commit, r.SourceRevision));

        var status = await service.StatusAsync();
        Assert.Equal(commit, status.GetProperty("watched_revision").GetString());
        Assert.Equal(3, status.GetProperty("last_run").GetProperty("outcomes").GetProperty("applied").GetInt32());
        Assert.Equal("suspended", ServiceHarness.TaskStatus(status, suspended).GetProperty("state").GetString());
        Assert.Equal("applied", ServiceHarness.TaskStatus(status, tasks[0]).GetProperty("state").GetString());

        await using var store = await SqliteStateStore.OpenAsync(service.StatePath);
        var run = Assert.Single(await store.ReadRunsAsync(10, service.Token));
        Assert.Equal((Core.Reconciling.RunTrigger.Poll, commit, true, 3), (run.Trigger, run.Revision, run.Applied, run.Outcomes["applied"]));
    }

    [Fact]
    public async Task Run_PushChangingOneManifest_SendsExactlyOnePutWithinOnePoll()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(5);
        service.Remote.CommitAndPush("five tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Simulator.State.ClearRequestLog();

        service.Remote.Write(ServiceManifests.Path(2), ServiceManifests.Valid(tasks[2], "外呼任务-2-改名"));
        var commit = service.Remote.CommitAndPush("rename task 2");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.Equal(1, service.Puts());
        Assert.Equal(1, service.Puts(tasks[2]));
        Assert.Contains("外呼任务-2-改名", service.Simulator.Task(tasks[2]).Body, StringComparison.Ordinal);
        var status = await service.StatusAsync();
        Assert.Equal(commit, status.GetProperty("last_run").GetProperty("revision").GetString());
        Assert.Equal("poll", status.GetProperty("last_run").GetProperty("trigger").GetString());
        Assert.Contains(service.Logs.Lines, l => l.Contains("(1 manifest file(s) changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_BranchUnchanged_PollSendsNothingAndRecordsNoRun()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForPassesAsync(1);
        var passes = service.App.Status.Passes;
        service.Simulator.State.ClearRequestLog();

        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForPassesAsync(passes + 1);

        Assert.Equal(1, service.App.Status.Runs);
        Assert.Empty(service.Simulator.State.GetRequestLog());
    }

    [Fact]
    public async Task Run_ManifestDeleted_IsUnmanagedWithoutAnyRequest()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Simulator.State.ClearRequestLog();

        service.Remote.Delete(ServiceManifests.Path(1));
        service.Remote.CommitAndPush("stop managing task 1");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.Empty(service.Simulator.State.GetRequestLog());
        Assert.Equal([tasks[0]], (await StateSeeder.LoadAsync(service.StatePath)).Keys);
        Assert.Equal(1, service.Simulator.Task(tasks[1]).AppliedCount); // the remote task is left as it was
        var status = await service.StatusAsync();
        Assert.Equal(1, status.GetProperty("last_run").GetProperty("outcomes").GetProperty("unmanaged").GetInt32());
    }

    [Fact]
    public async Task Run_PushInvalidManifest_KeepsOthersAppliedAndReportsItInStatusAndLogs()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(3);
        service.Remote.CommitAndPush("three tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Simulator.State.ClearRequestLog();

        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Invalid(tasks[0]));
        service.Remote.Write(ServiceManifests.Path(1), ServiceManifests.Valid(tasks[1], "外呼任务-1-新"));
        service.Remote.CommitAndPush("break task 0, change task 1");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.Equal(0, service.Puts(tasks[0]));
        Assert.Equal(1, service.Puts(tasks[1]));
        var state = await StateSeeder.LoadAsync(service.StatePath);
        Assert.Equal(3, state.Count); // the broken manifest still claims its task: nothing is forgotten

        var status = await service.StatusAsync();
        var broken = ServiceHarness.TaskStatus(status, tasks[0]);
        Assert.Equal("invalid", broken.GetProperty("state").GetString());
        Assert.Equal(ServiceManifests.Path(0), broken.GetProperty("file").GetString());
        Assert.Contains(broken.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("maximumcall", StringComparison.Ordinal));
        Assert.Equal("applied", ServiceHarness.TaskStatus(status, tasks[1]).GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("last_run").GetProperty("outcomes").GetProperty("invalid").GetInt32());
        Assert.Contains(service.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("invalid manifest", StringComparison.Ordinal) && l.Contains(ServiceManifests.Path(0), StringComparison.Ordinal));
    }
}

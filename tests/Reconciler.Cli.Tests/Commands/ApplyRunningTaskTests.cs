using Reconciler.Cli.Tests.Support;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Code 6007 (the task is running) and <c>metadata.stop_before_update</c>, end to end.</summary>
public sealed class ApplyRunningTaskTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private const string StopBeforeUpdate = "\n  stop_before_update: true";

    [Fact]
    public async Task Apply_RunningTask_IsBlockedInThePlanAndAppliedOnceStopped()
    {
        using var work = new ApplyWorkspace(simulator);
        var running = work.AddTask("a-running.yaml", running: true);
        var others = new[] { work.AddTask("b.yaml"), work.AddTask("c.yaml") };

        var blocked = await work.ApplyAsync();

        Assert.True(blocked.ExitCode == 3, blocked.ToString());
        Assert.Contains("blocked: the task detail reads status 3", blocked.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[code 6007]", blocked.Out + blocked.Error, StringComparison.Ordinal); // no PUT was sent: no 6007 was answered
        Assert.Contains("Apply: 2 applied, 1 blocked (running), 0 rejected, 0 failed.", blocked.Out, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(running).PutCount); // known before sending: no request spent on a certain 6007
        var state = await work.StateAsync();
        Assert.DoesNotContain(running, state.Keys);
        Assert.All(others, o => Assert.Contains(o, state.Keys));
        Assert.Contains(await work.AttemptsAsync(), a => a.Identity == running && a.Outcome == ApplyOutcome.Blocked);

        simulator.State.SetRunning(running.UserId, running.TaskId, running: false);
        var later = await work.ApplyAsync();

        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Contains("Plan: 0 to update, 1 to adopt, 0 to unmanage, 0 invalid, 2 unchanged.", later.Out, StringComparison.Ordinal);
        Assert.Equal((1, 1), (work.Task(running).PutCount, work.Task(running).AppliedCount));
        Assert.Equal(2, work.Puts(others));
        Assert.Equal(work.Desired(running).Body.Hash, (await work.StateAsync())[running].Body.Hash);
    }

    [Fact]
    public async Task Apply_RunningTaskWithoutTheCheck_Gets6007AndExitsThree()
    {
        using var work = new ApplyWorkspace(simulator);
        var running = work.AddTask("a.yaml", running: true);

        var result = await work.ApplyAsync("--no-running-check");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("[code 6007]", result.Error, StringComparison.Ordinal);
        Assert.Contains("2.0任务启动中,请先停止任务", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), (work.Task(running).PutCount, work.Task(running).AppliedCount, work.Task(running).DetailCount));
        Assert.Empty(await work.StateAsync());
    }

    [Fact]
    public async Task Apply_StopBeforeUpdate_StopsTheRunningTaskThenUpdatesIt()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml", running: true, metadata: StopBeforeUpdate);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("left stopped", result.Out, StringComparison.Ordinal);
        var task = work.Task(identity);
        Assert.Equal((1, 1, 1), (task.StopCount, task.PutCount, task.AppliedCount));
        Assert.False(task.Running);
        Assert.Equal(work.Desired(identity).Body.Json, task.Body);
        Assert.Contains(identity, (await work.StateAsync()).Keys);
        Assert.Equal(
            [ApplyOutcome.Stopped, ApplyOutcome.Applied],
            (await work.AttemptsAsync()).Where(a => a.Identity == identity).Reverse().Select(a => a.Outcome));
    }

    [Fact]
    public async Task Apply_StopBeforeUpdateUnchecked_StopsAfter6007AndRetries()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml", running: true, metadata: StopBeforeUpdate);

        var result = await work.ApplyAsync("--no-running-check");

        Assert.True(result.ExitCode == 0, result.ToString());
        var task = work.Task(identity);
        Assert.Equal((1, 2, 1), (task.StopCount, task.PutCount, task.AppliedCount));
        Assert.Equal(work.Desired(identity).Body.Json, task.Body);
    }

    [Fact]
    public async Task Apply_StopBeforeUpdateOnAStoppedTask_DoesNotStopIt()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml", running: false, metadata: StopBeforeUpdate);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((0, 1), (work.Task(identity).StopCount, work.Task(identity).PutCount));
    }
}

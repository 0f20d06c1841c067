using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Ctrl+C or SIGTERM during apply: requests in flight finish and are recorded, nothing new starts.</summary>
public sealed class ApplyCancellationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Trait("Category", "Slow")] // waits out a delayed PUT
    [Fact]
    public async Task Apply_CancelledWhileAPutIsInFlight_RecordsItStartsNothingNewAndExitsOne()
    {
        using var work = new ApplyWorkspace(simulator);
        var done = work.AddTask("a.yaml");
        var inFlight = work.AddTask("b.yaml");
        var notStarted = work.AddTask("c.yaml");
        // b's answer takes 3 s: long enough to cancel while it is in flight, short against the grace period.
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayBefore) { TaskId = inFlight.TaskId, Operation = ApiOperation.UpdateTask, Delay = TimeSpan.FromSeconds(3) });
        using var stop = new CancellationTokenSource();

        var applying = InProcessCli.RunAsync(
            work.Path,
            work.Environment,
            ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve", "--parallelism", "1"],
            cancellationToken: stop.Token);
        await simulator.WaitUntilAsync(s => s.GetTask(inFlight.UserId, inFlight.TaskId)!.PutCount == 1);
        await stop.CancelAsync();
        var result = await applying;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("1 not started (cancelled)", result.Out, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (work.Task(done).PutCount, work.Task(inFlight).AppliedCount, work.Task(notStarted).PutCount));
        Assert.Equal(new[] { done, inFlight }.Order(), (await work.StateAsync()).Keys.Order());
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>Two applies on one state file: the second fails at once, naming the process that holds the lock.</summary>
public sealed class ConcurrentApplyProcessTests
{
    [Fact]
    public async Task Apply_WhileAnotherProcessApplies_FailsWithTheLockedMessage()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var slow = work.AddTask("a.yaml");
        // The first apply is held inside its PUT (the lock is taken before anything is sent).
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayBefore) { TaskId = slow.TaskId, Operation = ApiOperation.UpdateTask, Delay = TimeSpan.FromMinutes(5) });
        using var first = ReconcilerProcess.Start(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve");
        await simulator.WaitUntilAsync(s => s.GetTask(slow.UserId, slow.TaskId)!.PutCount == 1);

        var second = await work.ApplyAsync();

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains($"is locked by another apply (pid {first.Id}, since ", second.Error, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(slow).PutCount);
        first.Kill();
    }
}

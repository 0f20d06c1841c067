using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>Two applies on one state file: the second fails at once, naming the process that holds the lock.</summary>
[Trait("Category", "Slow")] // the CLI as real processes
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

    [Fact]
    public async Task Apply_ThroughASecondNameOfTheStateFile_IsRefusedAndNothingIsSentTwice()
    {
        // Issue 20: `ln state.db other.db` gave the file a second lock (other.db.lock), and both applies sent every task.
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var slow = work.AddTask("a.yaml");
        var other = work.AddTask("b.yaml");
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayBefore) { TaskId = slow.TaskId, Operation = ApiOperation.UpdateTask, Delay = TimeSpan.FromMinutes(5) });
        using var first = ReconcilerProcess.Start(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve");
        await simulator.WaitUntilAsync(s => s.GetTask(slow.UserId, slow.TaskId)!.PutCount == 1);
        Reconciler.Testing.Files.SpecialFiles.HardLink(work.StatePath, work.StatePath + ".other");

        var second = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile + ".other", "--auto-approve");

        Assert.True(second.ExitCode != 0, second.ToString());
        Assert.Contains("the state file has 2 names (hard links)", second.Error, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(slow).PutCount);
        Assert.InRange(work.Task(other).PutCount, 0, 1); // the first apply may have sent it; the second sent nothing
        first.Kill();
    }
}

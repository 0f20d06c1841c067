using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// A process killed after the platform stored a PUT but before the state recorded it re-sends exactly that task
/// on the next run, and nothing that was recorded before the kill.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class CrashRecoveryProcessTests
{
    [Fact]
    public async Task Apply_KilledBetweenPutAndStateWrite_ResendsOnlyThatTask()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        // Parallelism 1 and files in name order make the order a1, a2, then b: a1 and a2 are recorded before b is sent.
        var recorded = new[] { work.AddTask("a1.yaml"), work.AddTask("a2.yaml") };
        var victim = work.AddTask("b.yaml");
        // The platform stores b's update, then holds the answer far longer than the test will wait.
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayAfter)
        {
            TaskId = victim.TaskId,
            Operation = ApiOperation.UpdateTask,
            Delay = TimeSpan.FromMinutes(5),
        });

        using (var process = ReconcilerProcess.Start(work.Path, work.Environment, ApplyArgs(simulator)))
        {
            await simulator.WaitUntilAsync(s => s.GetTask(victim.UserId, victim.TaskId)!.AppliedCount == 1);
            process.Kill();
            var killed = await process.WaitAsync();
            Assert.NotEqual(0, killed.ExitCode);
            SecretAssert.NotPrinted(work.Account.Token, killed);
        }

        // The killed process left its write-ahead log behind: the token is in none of those bytes either.
        Assert.Contains("state.db-wal", SecretAssert.NotInFiles(work.Account.Token, Path.GetDirectoryName(work.StatePath)!));
        var afterKill = await work.StateAsync();
        Assert.Equal(recorded.Order(), afterKill.Keys.Order()); // b reached the platform but not the state
        Assert.Equal(work.Desired(victim).Body.Json, work.Task(victim).Body);

        var rerun = await work.ApplyAsync("--parallelism", "1");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("Plan: 0 to update, 1 to adopt, 0 to unmanage, 0 invalid, 2 unchanged.", rerun.Out, StringComparison.Ordinal);
        Assert.Equal((2, 2), (work.Task(victim).PutCount, work.Task(victim).AppliedCount));
        Assert.All(recorded, r => Assert.Equal(1, work.Task(r).PutCount));
        Assert.Equal(3, (await work.StateAsync()).Count);
    }

    private static string[] ApplyArgs(SimulatorFixture simulator) =>
        ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve", "--parallelism", "1"];
}

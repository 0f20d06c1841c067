using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>apply --verify</c>: every accepted update is read back once and compared with what was sent.</summary>
public sealed class ApplyVerifyTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_Verify_EveryFieldHeld_IsVerifiedWithOneReadPerPut()
    {
        using var work = new ApplyWorkspace(simulator);
        var tasks = new[] { work.AddTask("a.yaml"), work.AddTask("b.yaml") };

        var result = await work.ApplyAsync("--verify", "--no-running-check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Apply: 2 applied (2 verified, 0 unverified, 0 unknown), 0 blocked (running), 0 rejected, 0 failed.", result.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal((1, 1), (work.Task(t).PutCount, work.Task(t).DetailCount)));
    }

    [Fact]
    public async Task Apply_Verify_PlatformSilentlyDropsAField_IsUnverifiedAndExitsFour()
    {
        using var work = new ApplyWorkspace(simulator);
        var dropped = simulator.CreateTask(work.Account, initialBody: SampleBodies.V2(name: "旧名字"));
        work.WriteManifest("dropped.yaml", dropped, SampleBodies.V2(name: "新名字"));
        var healthy = work.AddTask("healthy.yaml");
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.IgnoreField) { TaskId = dropped.TaskId, Field = "name" });

        var result = await work.ApplyAsync("--verify");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("Apply: 2 applied (1 verified, 1 unverified, 0 unknown)", result.Out, StringComparison.Ordinal);
        Assert.Contains("(unverified: name)", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"旧名字\"", work.Task(dropped).Body, StringComparison.Ordinal); // the platform answered 200 but kept the old name
        var attempt = Assert.Single(await work.AttemptsAsync(), a => a.Identity == dropped);
        Assert.Contains("unverified: name", attempt.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await work.StateAsync()).Count); // what the platform accepted is recorded; a refresh shows the drift
        Assert.Equal(1, work.Task(healthy).AppliedCount);
    }

    [Fact]
    public async Task Apply_WithoutVerify_ReadsNothingBack()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");

        var result = await work.ApplyAsync("--no-running-check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Apply: 1 applied, 0 blocked (running)", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(task).DetailCount);
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>reconciler apply</c> against the simulator: adopt, no-op, one change, unmanage, exact bodies.</summary>
public sealed class ApplyCommandTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_FirstRun_AdoptsEveryTaskWithItsCanonicalBody()
    {
        using var work = new ApplyWorkspace(simulator);
        var tasks = new[]
        {
            work.AddTask("a.yaml"),
            work.AddTask("b.yaml"),
            work.AddTask("c.yaml", SampleBodies.Legacy(name: "旧版任务-c"), flavour: TaskFlavour.V2Legacy),
        };

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Plan: 0 to update, 3 to adopt, 0 to unmanage, 0 invalid, 0 unchanged.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Apply: 3 applied, 0 blocked (running), 0 rejected, 0 failed.", result.Out, StringComparison.Ordinal);
        var state = await work.StateAsync();
        foreach (var identity in tasks)
        {
            var desired = work.Desired(identity);
            Assert.Equal((1, 1), (work.Task(identity).PutCount, work.Task(identity).AppliedCount));
            Assert.Equal(desired.Body.Json, work.Task(identity).Body);
            Assert.Equal(desired.Body.Hash, state[identity].Body.Hash);
            Assert.Equal($"tasks/{Path.GetFileName(desired.File)}", state[identity].SourceFile);
        }
    }

    [Fact]
    public async Task Apply_SecondRun_SendsNoPuts()
    {
        using var work = new ApplyWorkspace(simulator);
        var tasks = new[] { work.AddTask("a.yaml"), work.AddTask("b.yaml") };
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        var second = await work.ApplyAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("No changes", second.Out, StringComparison.Ordinal);
        Assert.Contains("2 unchanged", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Puts(tasks));
    }

    [Fact]
    public async Task Apply_OneFieldChanged_SendsExactlyOnePutWithTheCanonicalBody()
    {
        using var work = new ApplyWorkspace(simulator);
        var changed = work.AddTask("a.yaml");
        var others = new[] { work.AddTask("b.yaml"), work.AddTask("c.yaml") };
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        work.WriteManifest("a.yaml", changed, SampleBodies.V2(name: "任务-a-改名", maximumCall: 4));
        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Plan: 1 to update, 0 to adopt, 0 to unmanage, 0 invalid, 2 unchanged.", result.Out, StringComparison.Ordinal);
        Assert.Contains("maximumcall", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Task(changed).PutCount);
        Assert.Equal(2, work.Puts(others));
        var desired = work.Desired(changed);
        Assert.Equal(desired.Body.Json, work.Task(changed).Body);
        Assert.Contains("\"name\":\"任务-a-改名\"", work.Task(changed).Body, StringComparison.Ordinal);
        Assert.Equal(desired.Body.Hash, (await work.StateAsync())[changed].Body.Hash);
    }

    [Fact]
    public async Task Apply_ManifestRemoved_ForgetsTheTaskWithoutSendingAnything()
    {
        using var work = new ApplyWorkspace(simulator);
        var kept = work.AddTask("a.yaml");
        var removed = work.AddTask("b.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        work.DeleteManifest("b.yaml");
        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Apply: 0 applied, 0 blocked (running), 0 rejected, 0 failed, 1 unmanaged.", result.Out, StringComparison.Ordinal);
        Assert.Equal((1, 1), (work.Task(kept).PutCount, work.Task(removed).PutCount));
        Assert.Equal([kept], (await work.StateAsync()).Keys);
        Assert.NotNull(work.Task(removed).Body); // the remote task is never touched (the reconciler never deletes one)
    }

    [Fact]
    public async Task Apply_IdsBeyondDoubleAndChinese_ReachTheSimulatorExactly()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("big.yaml", SampleBodies.V2(name: "大号码任务-杭州"));

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var stored = work.Task(identity).Body!;
        Assert.Equal(work.Desired(identity).Body.Json, stored);
        Assert.Contains($"\"background_id\":{SampleBodies.BigId}", stored, StringComparison.Ordinal); // as a JSON number
        Assert.Contains($"\"destination_extension\":\"{SampleBodies.BigId}\"", stored, StringComparison.Ordinal); // as a digit string
        Assert.Contains("\"name\":\"大号码任务-杭州\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_SubAccountTask_SendsSubUserIdInTheBody()
    {
        using var work = new ApplyWorkspace(simulator);
        const string subUser = "5b55bcca-d653-4a58-8f9a-437fb0601f8e";
        var identity = simulator.CreateTask(work.Account, subUserId: subUser);
        work.WriteManifest("sub.yaml", identity, SampleBodies.V2(), metadata: $"\n  sub_user_id: {subUser}");

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"\"sub_user_id\":\"{subUser}\"", work.Task(identity).Body, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(identity).DetailCount); // the running check names the sub-account too, or it would not find the task
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>The live platform: drift found by --refresh and repaired by apply --refresh; --target sends exactly one PUT.</summary>
public sealed class LivePlatformTests
{
    [Trait("Category", "Slow")] // several plans and applies with refresh
    [Fact]
    public async Task Refresh_ConsoleEdit_IsDriftThenApplyRefreshRepairsIt()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "外呼-原名", maximumCall: 2));
        var other = work.AddTask("b.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        simulator.EditAsConsole(task, """{"name":"外呼-被改名","maximumcall":8}""");
        var plain = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"]);
        var refreshed = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--detailed-exitcode", "--refresh", "--api-url", simulator.BaseAddress.ToString()]);

        Assert.True(plain.ExitCode == 0, plain.ToString()); // without reading the platform nothing can be known
        Assert.True(refreshed.ExitCode == 2, refreshed.ToString());
        Assert.Contains("Plan: 1 to update, 0 to adopt, 0 to unmanage, 0 invalid, 1 unchanged.", refreshed.Out, StringComparison.Ordinal);
        Assert.Contains("drift: the live task differs from the manifest", refreshed.Out, StringComparison.Ordinal);
        Assert.Contains("~ maximumcall: 8 → 2", refreshed.Out, StringComparison.Ordinal);
        Assert.Contains("~ name: \"外呼-被改名\" → \"外呼-原名\"", refreshed.Out, StringComparison.Ordinal);
        // The simulator's detail carries every body field, as the vendor's does: nothing is left uncompared.
        Assert.DoesNotContain("not compared", refreshed.Out, StringComparison.Ordinal);

        var repaired = await work.ApplyAsync("--refresh");

        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        Assert.Contains("外呼-原名", work.Task(task).Body, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(other).PutCount);
        var after = await work.ApplyAsync("--refresh");
        Assert.Contains("No changes: the platform matches the manifests.", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_JsonPlan_SaysDriftAndComparesEveryFieldTheDetailCarries()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        simulator.EditAsConsole(task, """{"maximumcall":4}""");

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--refresh", "--api-url", simulator.BaseAddress.ToString(), "--format", "json"]);

        using var json = System.Text.Json.JsonDocument.Parse(plan.Out);
        var entry = json.RootElement.GetProperty("entries")[0];
        Assert.Equal(("update", "drift", true), (entry.GetProperty("action").GetString(), entry.GetProperty("reason").GetString(), entry.GetProperty("refreshed").GetBoolean()));
        Assert.True(!entry.TryGetProperty("not_compared", out var notCompared) || notCompared.GetArrayLength() == 0, entry.ToString());
    }

    [Fact]
    public async Task Target_OneOfThreeTasks_SendsOnePutAndUnmanagesNothing()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = new[] { work.AddTask("a.yaml"), work.AddTask("b.yaml"), work.AddTask("c.yaml") };
        Assert.Equal(0, (await work.ApplyAsync("--target", "manifests/tasks/a.yaml")).ExitCode);
        Assert.Equal((1, 0, 0), (work.Task(tasks[0]).PutCount, work.Task(tasks[1]).PutCount, work.Task(tasks[2]).PutCount));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        work.WriteManifest("b.yaml", tasks[1], SampleBodies.V2(name: "b-改"));
        work.DeleteManifest("c.yaml");

        var targeted = await work.ApplyAsync("--target", tasks[1].TaskId);

        Assert.True(targeted.ExitCode == 0, targeted.ToString());
        Assert.Contains("Plan: 1 to update, 0 to adopt, 0 to unmanage, 0 invalid, 0 unchanged.", targeted.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Task(tasks[1]).PutCount);
        Assert.Equal(3, (await work.StateAsync()).Count); // c's record is still managed: only an untargeted plan unmanages it
        var unknown = await work.ApplyAsync("--target", "no-such-task");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--target 'no-such-task': no such task, manifest file or task set", unknown.Error, StringComparison.Ordinal);
    }
}

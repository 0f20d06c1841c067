using Reconciler.Service.Tests.Support;

namespace Reconciler.Service.Tests;

/// <summary>Drift on the resync timer: repaired with --self-heal, reported without it, held back when it keeps coming back.</summary>
public sealed class ServiceDriftTests
{
    private static readonly TimeSpan OneResync = TimeSpan.FromMinutes(5.5);

    [Fact]
    public async Task Run_SelfHeal_RepairsAConsoleEditWithinOneResync()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync(new Dictionary<string, string?> { ["SelfHeal"] = "true" });
        await service.WaitForPassesAsync(1);

        service.Simulator.EditAsConsole(tasks[0], """{"name":"控制台改的名字"}""");
        await ResyncAsync(service, 2);

        Assert.Contains("外呼任务-0", service.Simulator.Task(tasks[0]).Body, StringComparison.Ordinal);
        Assert.Equal(2, service.Puts(tasks[0]));
        Assert.Equal(1, service.Puts(tasks[1]));
        Assert.Contains(service.Logs.Lines, l => l.Contains($"task {tasks[0]} drifted: changed on the platform (name); re-applying it (self-heal)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithoutSelfHeal_ReportsDriftInStatusMetricsAndOneLogLine()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForPassesAsync(1);

        service.Simulator.EditAsConsole(tasks[1], """{"maximumcall":10}""");
        await ResyncAsync(service, 2);
        await ResyncAsync(service, 3);

        Assert.Equal(1, service.Puts(tasks[1])); // reported, not corrected
        var task = ServiceHarness.TaskStatus(await service.StatusAsync(), tasks[1]);
        Assert.Equal("drifted", task.GetProperty("state").GetString());
        Assert.True(task.GetProperty("drifted").GetBoolean());
        Assert.Equal("maximumcall", task.GetProperty("drift_fields")[0].GetString());
        Assert.Contains("reconciler_drifted_tasks 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
        Assert.Single(service.Logs.Lines, l => l.Contains($"task {tasks[1]} drifted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SelfHealFightingAConsole_HoldsTheTaskBackAfterTheLimit()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync(new Dictionary<string, string?> { ["SelfHeal"] = "true", ["SelfHealLimit"] = "2" });
        await service.WaitForPassesAsync(1);

        for (var round = 0; round < 3; round++)
        {
            service.Simulator.EditAsConsole(tasks[0], $$"""{"name":"有人一直在改-{{round}}"}""");
            await ResyncAsync(service, service.App.Status.Runs + 1);
        }

        Assert.Equal(3, service.Puts(tasks[0])); // the adopt and two heals; the third drift is held back
        Assert.Contains("有人一直在改-2", service.Simulator.Task(tasks[0]).Body, StringComparison.Ordinal);
        var task = ServiceHarness.TaskStatus(await service.StatusAsync(), tasks[0]);
        Assert.Equal("fighting", task.GetProperty("state").GetString());
        Assert.Contains("someone keeps changing it", task.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Moves the clock past one resync while the loop is idle, and waits for that pass to finish (its run included).</summary>
    private static async Task ResyncAsync(ServiceHarness service, int runs)
    {
        var passes = service.App.Status.Passes;
        service.Advance(OneResync);
        await service.App.Status.WaitUntilAsync(() => service.App.Status.Passes > passes && service.App.Status.Runs >= runs, service.Token);
    }
}

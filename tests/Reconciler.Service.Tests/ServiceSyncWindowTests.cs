using Reconciler.Service.Tests.Support;
using Reconciler.Testing.State;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>Sync windows: outside them the service plans and reports; when one opens, the pending changes are applied.</summary>
public sealed class ServiceSyncWindowTests
{
    [Fact]
    public async Task Run_OutsideSyncWindow_PlansWithoutApplying_ThenAppliesWhenItOpens()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");

        // The clock starts at 20:00 in Shanghai; the window opens at 22:00 (14:00 UTC).
        await service.StartAsync(new Dictionary<string, string?> { ["SyncWindow"] = "22:00-07:00", ["TimeZone"] = "Asia/Shanghai", ["Resync"] = "6h" });
        await service.WaitForRunsAsync(1);

        Assert.Equal(0, service.Puts());
        Assert.Empty(await StateSeeder.LoadAsync(service.StatePath));
        var status = await service.StatusAsync();
        Assert.False(status.GetProperty("last_run").GetProperty("applied").GetBoolean());
        Assert.Equal(2, status.GetProperty("last_run").GetProperty("outcomes").GetProperty("pending_window").GetInt32());
        Assert.Equal("pending_window", ServiceHarness.TaskStatus(status, tasks[0]).GetProperty("state").GetString());
        var window = status.GetProperty("sync_window");
        Assert.False(window.GetProperty("open").GetBoolean());
        Assert.True(window.GetProperty("pending_changes").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), window.GetProperty("next_opening").GetDateTimeOffset());

        service.Advance(TimeSpan.FromHours(2));
        await service.WaitForRunsAsync(2);

        Assert.All(tasks, t => Assert.Equal(1, service.Simulator.Task(t).AppliedCount));
        status = await service.StatusAsync();
        Assert.Equal("window", status.GetProperty("last_run").GetProperty("trigger").GetString());
        Assert.True(status.GetProperty("sync_window").GetProperty("open").GetBoolean());
    }
}

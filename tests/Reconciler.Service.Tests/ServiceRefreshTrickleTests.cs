using System.Text.Json;
using Reconciler.Service.Tests.Support;
using TaskApi.Simulator;

namespace Reconciler.Service.Tests;

/// <summary>
/// The refresh trickle against the simulator: live reads spread over the resync period (10 tasks, a 5-minute period and
/// a 60-second interval: 2 reads a minute), each task read once per period, and a console edit still found within one.
/// </summary>
public sealed class ServiceRefreshTrickleTests
{
    [Fact]
    public async Task Run_TenTasks_ReadTwoAMinute_EachOncePerPeriod_AndAConsoleEditIsFoundWithinOne()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(10);
        service.Remote.CommitAndPush("ten tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Simulator.EditAsConsole(tasks[9], """{"maximumcall":10}""");

        var readsPerPass = new List<int>();
        var readsPerTask = new Dictionary<string, int>();
        for (var minute = 1; minute <= 10; minute++)
        {
            var before = Reads(service);
            await MinuteAsync(service);
            var reads = Reads(service).Skip(before.Count).ToList();
            readsPerPass.Add(reads.Count);
            foreach (var task in reads)
            {
                readsPerTask[task] = readsPerTask.GetValueOrDefault(task) + 1;
            }

            if (minute == 5)
            {
                // One period after the edit, every task has been read once, the edited one included.
                Assert.Equal(10, readsPerTask.Count);
                Assert.All(readsPerTask.Values, count => Assert.Equal(1, count));
                Assert.Equal("drifted", ServiceHarness.TaskStatus(await service.StatusAsync(), tasks[9]).GetProperty("state").GetString());
            }
        }

        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], readsPerPass);
        Assert.All(readsPerTask.Values, count => Assert.Equal(2, count));
        Assert.Equal(1, service.Puts(tasks[9])); // reported, not corrected (self-heal is off)
    }

    [Fact]
    public async Task Run_Status_SaysHowStaleEachTaskAndTheFleetIs_AndMetricsCountTheReads()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        var status = await service.StatusAsync();
        var refresh = status.GetProperty("refresh");
        Assert.Equal((300.0, 150.0, 2, 2), (refresh.GetProperty("period_seconds").GetDouble(), refresh.GetProperty("tick_seconds").GetDouble(), refresh.GetProperty("tasks").GetInt32(), refresh.GetProperty("never_read").GetInt32()));
        Assert.Equal(JsonValueKind.Null, ServiceHarness.TaskStatus(status, tasks[0]).GetProperty("last_read_at").ValueKind);

        await service.AdvanceToRunAsync(TimeSpan.FromSeconds(150));
        status = await service.StatusAsync();
        refresh = status.GetProperty("refresh");
        var readAt = tasks.Select(t => ServiceHarness.TaskStatus(status, t).GetProperty("last_read_at")).Where(at => at.ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal((1, 1, true), (refresh.GetProperty("never_read").GetInt32(), refresh.GetProperty("last_slice_reads").GetInt32(), refresh.GetProperty("kept_by_rate_limit").GetBoolean()));
        Assert.Equal(ServiceHarness.Start.AddSeconds(150), Assert.Single(readAt).GetDateTimeOffset());
        Assert.Equal(150, refresh.GetProperty("max_staleness_seconds").GetDouble(), 0);
        Assert.Equal("refresh", status.GetProperty("last_run").GetProperty("trigger").GetString());

        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        Assert.Contains("reconciler_refresh_reads_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_refresh_never_read_tasks 1", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_refresh_staleness_max_seconds 150", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_refresh_staleness_seconds_count 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RefreshOff_NoSlices_NoRefreshBlock()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync(new Dictionary<string, string?> { ["Refresh"] = "false" });
        await service.WaitForRunsAsync(1);
        var before = Reads(service).Count;

        await service.AdvanceToRunAsync(TimeSpan.FromMinutes(5.5));

        Assert.Equal(before, Reads(service).Count);
        Assert.False((await service.StatusAsync()).TryGetProperty("refresh", out _));
    }

    /// <summary>Task ids of the detail reads the simulator received, in order.</summary>
    private static List<string> Reads(ServiceHarness service) =>
        service.Simulator.State.GetRequestLog().Where(r => r.Operation == ApiOperation.TaskDetail).Select(r => r.TaskId!).ToList();

    private static Task MinuteAsync(ServiceHarness service) => service.AdvanceToRunAsync(ServiceHarness.Interval);
}

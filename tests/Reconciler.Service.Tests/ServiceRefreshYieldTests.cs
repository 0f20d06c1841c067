using System.Net;
using Reconciler.Service.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Service.Tests;

/// <summary>
/// A push that arrives while a refresh slice is reading is not held behind the slice: the slice stops reading, its pass
/// ends, the push's pass applies, and the tasks the slice did not read stay due for the next slice. Order and counts
/// from the simulator's request log, not times.
/// </summary>
public sealed class ServiceRefreshYieldTests
{
    [Trait("Category", "Slow")] // a few seconds of slowed reads
    [Fact]
    public async Task Run_PushDuringARefreshSlice_IsAppliedBeforeTheSliceHasReadItsTasks_AndTheRestAreReadLater()
    {
        const int Count = 30;
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(Count);
        service.Remote.CommitAndPush("thirty tasks");
        await service.StartAsync(new Dictionary<string, string?> { ["Parallelism"] = "1" });
        await service.WaitForRunsAsync(1);

        // Each answer 300 ms, one read at a time: the slice (every task, none read yet) would read for 9 s.
        service.Simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromMilliseconds(300) });
        service.Simulator.State.ClearRequestLog();
        var runs = service.App.Status.Runs;
        service.Advance(TimeSpan.FromMinutes(5.5));
        await service.Simulator.State.WaitUntilAsync(s => Reads(s).Count >= 2, service.Token);

        service.Remote.Write(ServiceManifests.Path(5), ServiceManifests.Valid(tasks[5], "刷新让路"));
        service.Remote.CommitAndPush("change task 5 during the refresh");
        using (var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody()))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await service.WaitForRunsAsync(runs + 2);
        var log = service.Simulator.State.GetRequestLog();
        var put = log.Single(r => r.Operation == ApiOperation.UpdateTask);
        Assert.Equal(tasks[5].TaskId, put.TaskId);

        // Before the PUT: the slice's reads (cut short) and the push's running check of task 5; nowhere near all 30.
        var readsBeforeThePut = log.Count(r => r.Operation == ApiOperation.TaskDetail && r.Sequence < put.Sequence);
        Assert.InRange(readsBeforeThePut, 2, Count / 2);
        var status = await service.StatusAsync();
        Assert.Equal("webhook", status.GetProperty("last_run").GetProperty("trigger").GetString());
        Assert.True(service.Logs.Lines.Any(l => l.Contains("gave its pass back", StringComparison.Ordinal)), "the slice logs that it gave its pass back");

        // The tasks the slice did not read are still due: the next slices read every task (none is skipped for a period).
        service.Simulator.State.SetFaultProfile(FaultProfile.None);
        for (var minute = 1; minute <= 6 && Reads(service.Simulator.State).Distinct().Count() < Count; minute++)
        {
            await service.AdvanceToRunAsync(ServiceHarness.Interval);
        }

        Assert.Equal(Count, Reads(service.Simulator.State).Distinct().Count());
    }

    private static List<string> Reads(SimulatorState state) =>
        state.GetRequestLog().Where(r => r.Operation == ApiOperation.TaskDetail).Select(r => r.TaskId!).ToList();
}

using Reconciler.Service.Tests.Support;
using Reconciler.Testing.Simulator;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>MaxRps: every request of the service's pass (running-state reads and PUTs) is paced by one limiter.</summary>
[Trait("Category", "Slow")]
public sealed class ServiceRateLimitTests
{
    [Fact]
    public async Task Run_MaxRps_KeepsEveryOneSecondWindowWithinTheLimit()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(12);
        service.Remote.CommitAndPush("twelve tasks");

        await service.Simulator.WarmUpAsync(service.Account);
        await service.StartAsync(new Dictionary<string, string?> { ["MaxRps"] = "5", ["Parallelism"] = "8" });
        await service.WaitForRunsAsync(1);

        Assert.All(tasks, t => Assert.Equal(1, service.Simulator.Task(t).AppliedCount));
        var arrivals = service.Simulator.State.GetRequestLog().Where(e => tasks.Any(t => t.TaskId == e.TaskId)).Select(e => e.ReceivedAt).Order().ToList();
        Assert.True(arrivals.Count >= 24, $"{arrivals.Count} requests"); // a running-state read and a PUT per task
        // 5 plus room for arrival jitter; without the limit the 24 requests arrive within a second. The windows start a
        // second into the pass: the first requests of a new client are granted 200 ms apart but may still arrive
        // together while the client's own code is compiled (a once-per-process effect that a warm-up cannot reach here).
        var steadyFrom = arrivals[0] + TimeSpan.FromSeconds(1);
        var busiest = RequestWindows.BusiestSecond(arrivals, steadyFrom);
        var mean = RequestWindows.MeanRate(arrivals.Where(a => a >= steadyFrom).ToList());
        Assert.True(mean <= 5.25, $"{mean:0.00} requests a second after the first second at MaxRps 5");
        Assert.True(busiest <= 6, $"{busiest} requests within one second at MaxRps 5; gaps in ms: {RequestWindows.Gaps(arrivals)}");
    }
}

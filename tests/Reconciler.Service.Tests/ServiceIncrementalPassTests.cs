using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Reconciler.Core.Reconciling;
using Reconciler.Service.Loop;
using Reconciler.Service.Tests.Support;

namespace Reconciler.Service.Tests;

/// <summary>
/// A pass with nothing to change re-uses what the previous pass had: no manifest is parsed again (its git blob did not
/// change) and the inventory is not read from the state store again (the service's own writes keep its copy current).
/// Counted through <c>/metrics</c>, not timed.
/// </summary>
public sealed class ServiceIncrementalPassTests
{
    [Fact]
    public async Task Run_ResyncsWithNothingToChange_ParseNothing_ReadTheInventoryOnce_AndAPushParsesOnlyItsFile()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(5);
        service.Remote.CommitAndPush("five tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        Assert.Equal((5, 0, 1), await WorkAsync(service));

        for (var pass = 1; pass <= 3; pass++)
        {
            await service.AdvanceToRunAsync(TimeSpan.FromMinutes(5.5));
        }

        // Three resyncs (with refresh slices): every file from the cache, the inventory from memory.
        var (evaluated, cached, loads) = await WorkAsync(service);
        Assert.Equal((5, 1), (evaluated, loads));
        Assert.True(cached >= 15, $"{cached} files answered from the cache");

        service.Remote.Write(ServiceManifests.Path(2), ServiceManifests.Valid(tasks[2], "增量计划"));
        service.Remote.CommitAndPush("change task 2");
        var runs = service.App.Status.Runs;
        using (var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody()))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await service.WaitForRunsAsync(runs + 1);
        Assert.Equal((6, 1), Pick(await WorkAsync(service)));
        Assert.Equal(2, service.Puts(tasks[2]));

        // The copy took the service's own write: the next resync finds nothing to send (a stale copy would re-send task 2).
        await service.AdvanceToRunAsync(TimeSpan.FromMinutes(5.5));
        Assert.Equal((6, 1), Pick(await WorkAsync(service)));
        Assert.Equal(2, service.Puts(tasks[2]));
        Assert.Equal(6, service.Puts());
    }

    [Fact]
    public async Task Run_Sync_ReadsTheInventoryAgain()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        var runs = service.App.Status.Runs;
        // An explicit sync is the operator's way to make the service read everything again.
        ((TriggerQueue)service.App.Services.GetService(typeof(TriggerQueue))!).Request(RunTrigger.Sync);
        await service.WaitForRunsAsync(runs + 1);
        Assert.Equal(2, (await WorkAsync(service)).Loads);
    }

    private static (int Evaluated, int Loads) Pick((int Evaluated, int Cached, int Loads) work) => (work.Evaluated, work.Loads);

    private static async Task<(int Evaluated, int Cached, int Loads)> WorkAsync(ServiceHarness service)
    {
        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        return (Value(metrics, """reconciler_manifest_files_total{result="evaluated"}"""), Value(metrics, """reconciler_manifest_files_total{result="cached"}"""), Value(metrics, "reconciler_inventory_loads_total"));
    }

    private static int Value(string metrics, string name)
    {
        var match = Regex.Match(metrics, "^" + Regex.Escape(name) + " ([0-9.e+]+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{name} is in /metrics");
        return (int)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

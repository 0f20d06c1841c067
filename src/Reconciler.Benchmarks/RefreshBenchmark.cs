using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Files;
using Reconciler.State;
using Reconciler.TaskApi;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Benchmarks;

/// <summary>
/// <c>plan --refresh</c> of N managed tasks through the real client to the simulator (in-process, fixed latency on
/// every request): one detail GET per task, bounded by the parallelism. A perfect refresh needs
/// ⌈N/parallelism⌉ × latency. Every task has been applied first, so the refresh finds them unchanged (no drift).
/// </summary>
internal static class RefreshBenchmark
{
    private const string Token = BenchmarkApi.Token;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(int count, IReadOnlyList<int> parallelisms)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reconciler-bench-refresh-{Guid.NewGuid():N}");
        try
        {
            ManifestGenerator.Write(directory, count);
            Console.WriteLine($"refresh {count:N0} managed tasks; simulator in-process with {Latency.TotalMilliseconds:0} ms latency on every request");
            Console.WriteLine($"  {"parallelism",11} {"GETs",6} {"drifted",8} {"wall ms",9} {"bound ms",9} {"wall/bound",10} {"plan without reads ms",21} {"0 ms latency wall ms",20} {"CPU ms",7} {"0 ms CPU ms",11} {"0 ms allocated",14} {"plan-only allocated",19}");
            foreach (var parallelism in parallelisms)
            {
                await RunOnceAsync(directory, count, parallelism);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RunOnceAsync(string directory, int count, int parallelism)
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { DefaultToken = Token, AutoCreateTasks = true });
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(directory, $"state-{parallelism}.db"));
        await using var client = new BenchmarkApi(simulator.BaseAddress);
        var api = client.Api;
        var engine = new Reconciliation(new ReconcileSettings(Parallelism: 16, RunningCheck: false), store, api);
        var snapshot = new DirectorySource(directory).Read();

        // Apply everything first (no latency), so the refresh compares N live tasks that match.
        await engine.ApplyAsync(await engine.PlanAsync(snapshot, PlanOptions.Default, CancellationToken.None), RunTrigger.Cli, null, CancellationToken.None);
        simulator.State.SetFaultProfile(new FaultProfile { Latency = Latency });
        simulator.State.ClearRequestLog();

        var refreshing = new Reconciliation(new ReconcileSettings(Parallelism: parallelism, RunningCheck: false), store, api);

        // The same plan without the reads: the part of the wall time that no parallelism shortens.
        var planAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var planStarted = Stopwatch.GetTimestamp();
        await refreshing.PlanAsync(snapshot, PlanOptions.Default, CancellationToken.None);
        var planOnly = Stopwatch.GetElapsedTime(planStarted);
        var planAllocated = GC.GetTotalAllocatedBytes(precise: true) - planAllocatedBefore;

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var pending = await refreshing.PlanAsync(snapshot, new PlanOptions(Refresh: true), CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gets = simulator.State.GetRequestLog().Count(r => r.Operation == ApiOperation.TaskDetail);
        var bound = Latency * Math.Ceiling(count / (double)parallelism);

        // The same refresh with no latency: what the client, the comparison and the in-process simulator cost in CPU.
        simulator.State.SetFaultProfile(new FaultProfile());
        var floorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var floorStarted = Stopwatch.GetTimestamp();
        await refreshing.PlanAsync(snapshot, new PlanOptions(Refresh: true), CancellationToken.None);
        var floor = Stopwatch.GetElapsedTime(floorStarted);
        var floorCpu = Process.GetCurrentProcess().TotalProcessorTime - floorCpuBefore;

        // Bytes allocated by the whole process (client, comparison, in-process simulator) for the 0 ms refresh: a count, steadier than CPU time.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine($"  {parallelism,11} {gets,6} {pending.Plan.Entries.Count(e => e.Reason == UpdateReason.Drift),8} {wall.TotalMilliseconds,9:0} {bound.TotalMilliseconds,9:0} {wall / bound,10:0.00} {planOnly.TotalMilliseconds,21:0} {floor.TotalMilliseconds,20:0} {cpu.TotalMilliseconds,7:0} {floorCpu.TotalMilliseconds,11:0} {$"{allocated / 1048576.0:N1} MB",14} {$"{planAllocated / 1048576.0:N1} MB",19}");
    }
}

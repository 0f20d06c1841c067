using System.Diagnostics;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.State;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Benchmarks;

/// <summary>
/// The request-rate limit (<c>--max-rps</c>): N changed tasks applied through the real client at each rate, with more
/// workers than the rate needs, against the simulator (in-process, 20 ms latency). Counts the PUTs that arrived within
/// every one-second window starting at an arrival (the simulator's request log), after a warm-up and leaving out the
/// first second (a new client's first requests arrive together while its code is compiled). Accuracy is busiest ÷ N:
/// 1.00 is exact; the bucket allows up to one refill (N/20, at least 1) above N.
/// </summary>
internal static class RateBenchmark
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(int count, IReadOnlyList<int> rates, int parallelism)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reconciler-bench-rate-{Guid.NewGuid():N}");
        try
        {
            ManifestGenerator.Write(directory, count);
            var desired = new ManifestPipeline().Evaluate(new DirectorySource(directory).Read());
            Console.WriteLine($"apply {count:N0} changed tasks at --max-rps N with {parallelism} workers; simulator in-process with {Latency.TotalMilliseconds:0} ms latency");
            Console.WriteLine($"  {"N",6} {"PUTs",6} {"wall s",7} {"mean/s",7} {"busiest 1 s",12} {"quietest 1 s",13} {"busiest/N",10} {"mean/N",7}");
            foreach (var rate in rates)
            {
                if (!await RunOnceAsync(desired, directory, rate, parallelism))
                {
                    return 1;
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<bool> RunOnceAsync(DesiredState desired, string directory, int rate, int parallelism)
    {
        var options = new SimulatorOptions { DefaultToken = BenchmarkApi.Token, AutoCreateTasks = true, Faults = new FaultProfile { Latency = Latency } };
        await using var simulator = await SimulatorServer.StartAsync(options);
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(directory, $"state-{rate}.db"));
        await using var client = new BenchmarkApi(simulator.BaseAddress, o => o.MaxRequestsPerSecond = rate);
        var plan = Planner.Plan(desired, await store.LoadAppliedAsync(CancellationToken.None));

        // Warm up both sides (JIT, connections) outside the measurement.
        await Task.WhenAll(plan.Entries.Take(parallelism).Select(e => client.Api.GetTaskStateAsync(e.Identity, null, CancellationToken.None)));
        simulator.State.ClearRequestLog();

        var watch = Stopwatch.StartNew();
        var report = await new Applier(client.Api, store).ApplyAsync(plan, new ApplyOptions(parallelism), null, CancellationToken.None);
        watch.Stop();

        var arrivals = simulator.State.GetRequestLog().Where(e => e.Operation == ApiOperation.UpdateTask).Select(e => e.ReceivedAt).Order().ToList();
        var counts = WindowCounts(arrivals);
        var mean = (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        var busiest = counts.Count > 0 ? counts.Max() : 0;
        var quietest = counts.Count > 0 ? counts.Min() : 0;
        Console.WriteLine($"  {rate,6} {arrivals.Count,6:N0} {watch.Elapsed.TotalSeconds,7:N1} {mean,7:N1} {busiest,12} {quietest,13} {(double)busiest / rate,10:N3} {mean / rate,7:N3}");
        var applied = report.Count(Reconciler.Core.State.ApplyOutcome.Applied);
        if (applied != plan.Summary.Adopt)
        {
            Console.WriteLine($"unexpected: {applied} applied of {plan.Summary.Adopt}");
            return false;
        }

        return true;
    }

    /// <summary>Requests within each whole one-second window that starts at an arrival, from the second second on.</summary>
    private static List<int> WindowCounts(List<DateTimeOffset> arrivals)
    {
        var counts = new List<int>();
        var end = 0;
        for (var i = 0; i < arrivals.Count; i++)
        {
            if (arrivals[i] < arrivals[0] + TimeSpan.FromSeconds(1) || arrivals[i] + TimeSpan.FromSeconds(1) > arrivals[^1])
            {
                continue;
            }

            end = Math.Max(end, i);
            while (end < arrivals.Count && arrivals[end] - arrivals[i] < TimeSpan.FromSeconds(1))
            {
                end++;
            }

            counts.Add(end - i);
        }

        return counts;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TaskApi.Simulator;

namespace Reconciler.Benchmarks;

/// <summary>
/// The service at scale (issue 27, goals 3 and 4): <c>reconciler run</c> as its own process (the published build)
/// against the simulator in this process on loopback, over a generated repository of N tasks. Reads the service's
/// own <c>/metrics</c> (small, unlike <c>/status</c> at 100,000 tasks) once a second and prints the first pass (wall,
/// CPU, RSS), every later run (trigger, CPU, RSS, live reads), the refresh's reads per second, and a one-file push
/// applied after the webhook. With many passes it is the leak check (RSS across passes): run by hand, not in CI.
/// </summary>
internal static class ServiceScaleBenchmark
{
    private const string Token = "bench-token";
    private const string Secret = ServiceLatencyBenchmark.Secret;

    public sealed record Options(int Count, int Passes, TimeSpan Interval, TimeSpan Resync, int Parallelism, double? MaxRps, string Reconciler, IReadOnlyList<string> Environment);

    public static async Task<int> RunAsync(Options options)
    {
        using var repository = new BenchRepository();
        var generated = Stopwatch.StartNew();
        ManifestGenerator.Write(repository.WorkPath, options.Count);
        repository.CommitAndPush($"{options.Count} manifests");
        Console.WriteLine($"service at {options.Count:N0} tasks: generated and pushed in {generated.Elapsed.TotalSeconds:0.0} s; interval {options.Interval.TotalSeconds:0} s, resync {options.Resync.TotalSeconds:0} s, parallelism {options.Parallelism}, max-rps {options.MaxRps?.ToString(CultureInfo.InvariantCulture) ?? "none"}, env [{string.Join(' ', options.Environment)}]");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { DefaultToken = Token, AutoCreateTasks = true });
        var port = FreePort();
        using var service = Start(options, repository, simulator.BaseAddress, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var started = Stopwatch.StartNew();
            var first = await WaitForRunsAsync(http, service, 1, TimeSpan.FromHours(1));
            Console.WriteLine($"first pass: {started.Elapsed.TotalSeconds:0.0} s wall (start, clone, plan, {Puts(simulator):N0} PUTs), CPU {first.Cpu:0.0} s, RSS {first.Rss / 1e6:0} MB, GC heap {first.Heap / 1e6:0} MB");
            Console.WriteLine($"  {"run",4} {"trigger",-8} {"duration s",10} {"CPU s",7} {"RSS MB",7} {"heap MB",8} {"settled",8} {"reads",7} {"reads/s",8} {"parsed",7} {"inv.loads",9}");
            var previous = first;
            var readsAt = (Reads: Reads(simulator), At: Stopwatch.GetTimestamp());
            var window = (Reads: readsAt.Reads, At: readsAt.At);
            for (var run = 2; run <= options.Passes + 1; run++)
            {
                var now = await WaitForRunsAsync(http, service, run, options.Resync * 3);
                var reads = Reads(simulator);
                var seconds = Stopwatch.GetElapsedTime(readsAt.At).TotalSeconds;
                Console.WriteLine($"  {run,4} {now.TriggerSince(previous),-8} {now.Duration,10:0.00} {now.Cpu - previous.Cpu,7:0.00} {now.Rss / 1e6,7:0} {now.Heap / 1e6,8:0} {now.SettledRss / 1e6,8:0} {reads - readsAt.Reads,7:N0} {(reads - readsAt.Reads) / seconds,8:0.0} {now.Evaluated - previous.Evaluated,7:0} {now.InventoryLoads - previous.InventoryLoads,9:0}");
                previous = now;
                readsAt = (reads, Stopwatch.GetTimestamp());
            }

            var total = Stopwatch.GetElapsedTime(window.At).TotalSeconds;
            Console.WriteLine($"live reads after the first pass: {Reads(simulator) - window.Reads:N0} in {total:0} s = {(Reads(simulator) - window.Reads) / total:0.0}/s (the fleet over the resync period: {options.Count / options.Resync.TotalSeconds:0.0}/s)");
            await PushOneFileAsync(repository, simulator, http, service, options.Count);
            Console.WriteLine($"load average at the end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    private static Process Start(Options options, BenchRepository repository, Uri api, int port)
    {
        var dll = options.Reconciler.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : options.Reconciler) { WorkingDirectory = repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        var args = new List<string> { "run", "--repo", repository.BarePath, "--state", Path.Combine(repository.Root, "state.db"), "--api-url", api.ToString(), "--listen", $"127.0.0.1:{port}", "--interval", $"{options.Interval.TotalSeconds}s", "--resync", $"{options.Resync.TotalSeconds}s", "--parallelism", $"{options.Parallelism}", "--running-check", "false", "--log-level", "Warning" };
        if (options.MaxRps is { } rps)
        {
            args.AddRange(["--max-rps", rps.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (var arg in (dll ? [options.Reconciler] : Array.Empty<string>()).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RECONCILER_API_TOKEN"] = Token;
        start.Environment["RECONCILER_WEBHOOK_SECRET"] = Secret;
        foreach (var pair in options.Environment)
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  service: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>One manifest changed and pushed, then the signed push webhook: how long until its PUT arrives.</summary>
    private static async Task PushOneFileAsync(BenchRepository repository, SimulatorServer simulator, HttpClient http, Process service, int count)
    {
        var before = Parse(await http.GetStringAsync("metrics"));
        var index = count / 2;
        repository.Write(Path.Combine("tasks", $"team-{index % 50:00}", $"task-{index:00000}.yaml"), ManifestGenerator.Manifest(index, maximumcall: 4 + (2 * 17)));
        var puts = Puts(simulator);
        repository.CommitAndPush("one change");
        var pushed = Stopwatch.StartNew();
        await ServiceLatencyBenchmark.PostWebhookAsync(http);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await simulator.State.WaitUntilAsync(s => s.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask) > puts, limit.Token);
        Console.WriteLine($"one-file push -> PUT after the webhook: {pushed.Elapsed.TotalMilliseconds:N0} ms");

        // The push's own pass: its CPU (with any pass that was running when the webhook came) and what it re-did.
        var after = await WaitForRunsAsync(http, service, (int)before.Runs + 1, TimeSpan.FromMinutes(10));
        Console.WriteLine($"  push pass: run {after.Duration:0.00} s, CPU since the webhook {after.Cpu - before.Cpu:0.00} s, files parsed {after.Evaluated - before.Evaluated:0}, inventory loads {after.InventoryLoads - before.InventoryLoads:0}, runs {after.TriggerSince(before)}");
    }

    private sealed record Sample(double Runs, double Cpu, double Rss, double Heap, double Duration, IReadOnlyDictionary<string, double> RunsByTrigger)
    {
        /// <summary>Manifest files parsed and validated so far (the rest came from the evaluation cache).</summary>
        public double Evaluated { get; init; }

        /// <summary>Reads of the whole inventory from the state store so far.</summary>
        public double InventoryLoads { get; init; }

        /// <summary>
        /// The least RSS seen while waiting for this run, before it was counted: what the previous pass left once it had
        /// ended (its collection included), which the sample right after a run, taken before that collection, does not show.
        /// </summary>
        public double SettledRss { get; init; }

        /// <summary>The trigger of the runs counted since <paramref name="before"/>.</summary>
        public string TriggerSince(Sample before) =>
            string.Join('+', RunsByTrigger.Where(r => r.Value > before.RunsByTrigger.GetValueOrDefault(r.Key)).Select(r => r.Key));
    }

    /// <summary>Polls <c>/metrics</c> once a second until <paramref name="runs"/> runs are counted.</summary>
    private static async Task<Sample> WaitForRunsAsync(HttpClient http, Process service, int runs, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        var settled = double.MaxValue;
        while (deadline.Elapsed < limit)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {service.ExitCode}");
            }

            try
            {
                var sample = Parse(await http.GetStringAsync("metrics"));
                if (sample.Runs >= runs)
                {
                    return sample with { SettledRss = settled == double.MaxValue ? sample.Rss : settled };
                }

                settled = Math.Min(settled, sample.Rss);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"no run {runs} within {limit}");
    }

    private static Sample Parse(string metrics)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var byTrigger = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in metrics.Split('\n'))
        {
            var space = line.LastIndexOf(' ');
            if (line.StartsWith('#') || space < 0 || !double.TryParse(line[(space + 1)..], CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var name = line[..space];
            values[name] = value;
            const string RunsOf = "reconciler_runs_total{trigger=\"";
            if (name.StartsWith(RunsOf, StringComparison.Ordinal))
            {
                var trigger = name[RunsOf.Length..name.IndexOf('"', RunsOf.Length)];
                byTrigger[trigger] = byTrigger.GetValueOrDefault(trigger) + value;
            }
        }

        double Value(string name) => values.GetValueOrDefault(name);
        return new Sample(byTrigger.Values.Sum(), Value("process_cpu_seconds_total"), Value("process_working_set_bytes"), Value("dotnet_total_memory_bytes"), Value("reconciler_last_run_duration_seconds"), byTrigger)
        {
            Evaluated = Value("reconciler_manifest_files_total{result=\"evaluated\"}"),
            InventoryLoads = Value("reconciler_inventory_loads_total"),
        };
    }

    private static int Reads(SimulatorServer simulator) => simulator.State.GetRequestLog().Count(r => r.Operation == ApiOperation.TaskDetail);

    private static int Puts(SimulatorServer simulator) => simulator.State.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

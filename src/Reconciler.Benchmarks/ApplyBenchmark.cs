using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.State;
using Reconciler.TaskApi;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Benchmarks;

/// <summary>
/// N changed tasks applied through the real client and <see cref="Applier"/> to the simulator (in-process, fixed
/// latency on every request), once per parallelism, each run against a fresh simulator and a fresh state file.
/// A perfect applier needs ⌈N/parallelism⌉ × latency (plus as much again when the running state is checked first, and
/// again when every update is read back, <c>--verify</c>).
/// "state writes" adds up the time inside the store's fsynced writes (two per task: the record and the attempt).
/// </summary>
internal static class ApplyBenchmark
{
    private const string Token = BenchmarkApi.Token;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(int count, IReadOnlyList<int> parallelisms, bool alsoWithRunningCheck, bool alsoWithVerify = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reconciler-bench-apply-{Guid.NewGuid():N}");
        try
        {
            ManifestGenerator.Write(directory, count);
            var desired = new ManifestPipeline().Evaluate(new DirectorySource(directory).Read());
            if (desired.Invalid.Count > 0 || desired.Tasks.Count != count)
            {
                Console.WriteLine($"unexpected: {desired.Invalid.Count} invalid of {count} manifests");
                return 1;
            }

            Console.WriteLine($"apply {count:N0} changed tasks; simulator in-process with {Latency.TotalMilliseconds:0} ms latency on every request; fresh state file per run");
            Console.WriteLine($"  {"parallelism",11} {"running check",13} {"verify",6} {"applied",8} {"PUTs",6} {"GETs",6} {"wall ms",9} {"bound ms",9} {"wall/bound",10} {"state writes",13}");
            foreach (var parallelism in parallelisms)
            {
                foreach (var check in alsoWithRunningCheck ? new[] { false, true } : [false])
                {
                    foreach (var verify in alsoWithVerify ? new[] { false, true } : [false])
                    {
                        if (!await RunOnceAsync(desired, directory, parallelism, check, verify))
                        {
                            return 1;
                        }
                    }
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<bool> RunOnceAsync(DesiredState desired, string directory, int parallelism, bool check, bool verify)
    {
        var options = new SimulatorOptions { DefaultToken = Token, AutoCreateTasks = true, Faults = new FaultProfile { Latency = Latency } };
        await using var simulator = await SimulatorServer.StartAsync(options);
        var sqlite = await SqliteStateStore.OpenAsync(Path.Combine(directory, $"state-p{parallelism}-{(check ? "check" : "nocheck")}-{(verify ? "verify" : "plain")}.db"));
        await using var store = new TimedStateStore(sqlite);
        await using var client = new BenchmarkApi(simulator.BaseAddress);
        var api = client.Api;

        var plan = Planner.Plan(desired, await store.LoadAppliedAsync(CancellationToken.None));
        var count = plan.Summary.Adopt;

        // Warm up JIT and a connection outside the timing (a detail read of a task that does not exist yet).
        await api.GetTaskStateAsync(plan.Entries[0].Identity, null, CancellationToken.None);
        simulator.State.ClearRequestLog();

        var commitsBefore = sqlite.CommitCounts;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var startedAt = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        if (check)
        {
            plan = await RemoteStateChecker.CheckAsync(plan, api, parallelism, CancellationToken.None);
        }

        var report = await new Applier(api, store).ApplyAsync(plan, new ApplyOptions(parallelism, Verify: verify), null, CancellationToken.None);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var commits = (sqlite.CommitCounts.Commits - commitsBefore.Commits, sqlite.CommitCounts.Writes - commitsBefore.Writes);

        var log = simulator.State.GetRequestLog();
        var puts = log.Count(e => e.Operation == ApiOperation.UpdateTask);
        var gets = log.Count(e => e.Operation == ApiOperation.TaskDetail);
        var rounds = (count + parallelism - 1) / parallelism;
        var bound = Latency * rounds * (1 + (check ? 1 : 0) + (verify ? 1 : 0));
        var applied = report.Count(Reconciler.Core.State.ApplyOutcome.Applied);
        var recorded = (await store.LoadAppliedAsync(CancellationToken.None)).Count;
        Console.WriteLine($"  {parallelism,11} {(check ? "yes" : "no"),13} {(verify ? "yes" : "no"),6} {applied,8:N0} {puts,6:N0} {gets,6:N0} {watch.Elapsed.TotalMilliseconds,9:N0} {bound.TotalMilliseconds,9:N0} {watch.Elapsed / bound,10:N2} {$"{store.Writes:N0} in {store.WriteTime.TotalMilliseconds:N0} ms",13}");
        PrintStages(log, startedAt, watch.Elapsed, store, count, parallelism);
        Console.WriteLine($"  {"",11} counts: {commits.Item1:N0} commits for {puts:N0} PUTs ({commits.Item1 / (double)Math.Max(1, puts):N3} a PUT, {commits.Item2 / (double)Math.Max(1, commits.Item1):N1} writes a commit); CPU {cpu.TotalMilliseconds:N0} ms (client, store and in-process simulator)");
        if (applied != count || puts != count || recorded != count)
        {
            Console.WriteLine($"unexpected: {applied} applied, {puts} PUTs, {recorded} recorded for {count} tasks; {report}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Where the time beyond the bound went: before the first PUT arrived (intents, the remote check), after the last
    /// PUT's answer (the last records' commit, the report), and the waits for intents summed over all tasks.
    /// </summary>
    private static void PrintStages(IReadOnlyList<RequestLogEntry> log, DateTimeOffset startedAt, TimeSpan wall, TimedStateStore store, int count, int parallelism)
    {
        var putArrivals = log.Where(e => e.Operation == ApiOperation.UpdateTask).Select(e => e.ReceivedAt).Order().ToList();
        if (putArrivals.Count == 0)
        {
            return;
        }

        var firstPut = putArrivals[0] - startedAt;
        var afterLastAnswer = wall - (putArrivals[^1] + Latency - startedAt);
        Console.WriteLine($"  {"",11} stages: first PUT after {firstPut.TotalMilliseconds:N0} ms; done {afterLastAnswer.TotalMilliseconds:N0} ms after the last PUT's answer; intents waited {store.IntentTime.TotalMilliseconds:N0} ms in all ({store.IntentTime.TotalMilliseconds / count:N1} ms a task)");

        // A slot's cycle is one request's latency plus the gap from its answer to its next PUT (the answer's record, the
        // next intent's commit): from the first PUT's arrival to the last one's answer, spread over the rounds.
        var rounds = (count + parallelism - 1) / parallelism;
        var gap = (putArrivals[^1] + Latency - putArrivals[0]) / rounds - Latency;
        Console.WriteLine($"  {"",11} answer → next PUT: {gap.TotalMilliseconds:N1} ms a round on average ({rounds} rounds)");
    }
}

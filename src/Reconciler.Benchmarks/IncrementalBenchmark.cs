using System.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Git;

namespace Reconciler.Benchmarks;

/// <summary>
/// What the service pays when one manifest changes in a big repository: through the real git source (a bare
/// clone fetched from a local bare remote) and the one long-lived pipeline, time fetch + evaluate + plan after a
/// one-file commit, several times, against a cold evaluation of the same tree.
/// </summary>
internal static class IncrementalBenchmark
{
    public static async Task<int> RunAsync(int count, int rounds)
    {
        using var repository = new BenchRepository();
        var setup = Stopwatch.StartNew();
        ManifestGenerator.Write(repository.WorkPath, count);
        repository.CommitAndPush($"{count} manifests");
        Console.WriteLine($"created and pushed {count:N0} manifests in {setup.ElapsedMilliseconds:N0} ms ({repository.Root})");

        using var source = new GitRepositorySource(new GitRepositorySourceOptions
        {
            Url = repository.BarePath,
            CacheDirectory = Path.Combine(repository.Root, "cache"),
            ReadEnvironment = _ => null,
        });
        var pipeline = new ManifestPipeline();
        var clone = Stopwatch.StartNew();
        var first = await source.FetchAsync();
        Report("first fetch (clone + list)", clone.Elapsed);
        var cold = Stopwatch.StartNew();
        var desired = pipeline.Evaluate(first.Snapshot);
        Report($"cold evaluate ({pipeline.LastEvaluatedFiles:N0} files parsed and validated)", cold.Elapsed);
        if (desired.Invalid.Count > 0)
        {
            Console.WriteLine($"unexpected: {desired.Invalid.Count} invalid manifests");
            return 1;
        }

        // As if every task had been applied: the steady state of a service.
        var inventory = desired.Tasks.ToDictionary(t => t.Identity, t => new AppliedRecord(t.Identity, t.Body, t.File, first.CommitId, DateTimeOffset.UtcNow));
        var fetches = new List<TimeSpan>();
        var evaluations = new List<TimeSpan>();
        var plans = new List<TimeSpan>();
        var totals = new List<TimeSpan>();
        var counts = new List<TimeSpan>();
        var previous = first.CommitId;
        var patched = 0;
        for (var round = 0; round < rounds; round++)
        {
            var index = (count / 2) + round;
            repository.Write(Path.Combine("tasks", $"team-{index % 50:00}", $"task-{index:00000}.yaml"), ManifestGenerator.Manifest(index, maximumcall: 8));
            repository.CommitAndPush($"change task {index}");

            var total = Stopwatch.StartNew();
            var fetched = await source.FetchAsync();
            var fetchTime = total.Elapsed;
            var counting = Stopwatch.StartNew();
            var changed = source.ChangedPaths(previous, fetched.CommitId);
            counts.Add(counting.Elapsed);
            var evaluate = Stopwatch.StartNew();
            var next = pipeline.Evaluate(fetched.Snapshot);
            var evaluateTime = evaluate.Elapsed;
            patched += pipeline.LastPatchedState ? 1 : 0;
            var plan = Stopwatch.StartNew();
            var result = Planner.Plan(next, inventory);
            var planTime = plan.Elapsed;
            total.Stop();
            if (result.Summary.Update != 1 || pipeline.LastEvaluatedFiles != 1 || changed.Count != 1)
            {
                Console.WriteLine($"unexpected after a one-file change: {result.Summary} ({pipeline.LastEvaluatedFiles} evaluated, {changed.Count} changed paths)");
                return 1;
            }

            foreach (var manifest in result.Entries.Where(e => e.Action.SendsPut()).Select(e => e.Desired).OfType<TaskManifest>())
            {
                inventory[manifest.Identity] = new AppliedRecord(manifest.Identity, manifest.Body, manifest.File, fetched.CommitId, DateTimeOffset.UtcNow);
            }

            fetches.Add(fetchTime);
            evaluations.Add(evaluateTime);
            plans.Add(planTime);
            totals.Add(total.Elapsed);
            previous = fetched.CommitId;
        }

        Console.WriteLine($"one changed file, {rounds} rounds (median; min-max):");
        Report("  fetch (incremental, lists the tree)", fetches);
        Report("  changed paths (the service logs their count)", counts);
        Report($"  evaluate (1 parsed, {count - 1:N0} from the blob-id cache; desired state patched in {patched} of {rounds})", evaluations);
        Report($"  plan against {inventory.Count:N0} applied tasks", plans);
        Report("  fetch + evaluate + plan", totals);
        var ratio = cold.Elapsed / Median(evaluations);
        Console.WriteLine($"incremental evaluate is {ratio:N0}x faster than cold; the whole step costs {Median(totals).TotalMilliseconds:N0} ms for {count:N0} manifests");
        return 0;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static void Report(string stage, TimeSpan value) => Console.WriteLine($"  {stage,-60} {value.TotalMilliseconds,9:N1} ms");

    private static void Report(string stage, List<TimeSpan> values) =>
        Console.WriteLine($"  {stage,-60} {Median(values).TotalMilliseconds,9:N1} ms  ({values.Min().TotalMilliseconds:N1}-{values.Max().TotalMilliseconds:N1})");
}

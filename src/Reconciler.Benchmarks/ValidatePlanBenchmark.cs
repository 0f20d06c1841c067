using System.Diagnostics;
using System.Security.Cryptography;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Files;

namespace Reconciler.Benchmarks;

/// <summary>
/// Generates N manifests and times each stage: reading, validating (cold and with the content cache),
/// planning against an empty and a full inventory, and re-evaluating after a one-file change.
/// </summary>
internal static class ValidatePlanBenchmark
{
    public static int Run(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reconciler-bench-{Guid.NewGuid():N}");
        try
        {
            var generate = Stopwatch.StartNew();
            ManifestGenerator.Write(directory, count);
            Console.WriteLine($"generated {count:N0} manifests in {generate.ElapsedMilliseconds:N0} ms ({directory})");

            var read = Stopwatch.StartNew();
            var snapshot = WithContentIds(new DirectorySource(directory).Read());
            Report("read directory", read, count);

            var pipeline = new ManifestPipeline();
            var cold = Stopwatch.StartNew();
            var desired = pipeline.Evaluate(snapshot);
            Report("validate (cold: load + schema + rules + normalize)", cold, count);
            if (desired.Invalid.Count > 0)
            {
                Console.WriteLine($"unexpected: {desired.Invalid.Count} invalid manifests; first: {desired.Invalid[0].Diagnostics[0]}");
                return 1;
            }

            var planEmpty = Stopwatch.StartNew();
            var adoptPlan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord>());
            Report($"plan vs empty state ({adoptPlan.Summary.Adopt:N0} adopt)", planEmpty, count);

            var inventory = desired.Tasks.ToDictionary(t => t.Identity, t => new AppliedRecord(t.Identity, t.Body, t.File, null, DateTimeOffset.UtcNow));
            var planFull = Stopwatch.StartNew();
            var unchangedPlan = Planner.Plan(desired, inventory);
            Report($"plan vs full state ({unchangedPlan.Summary.Unchanged:N0} unchanged)", planFull, count);

            var changedIndex = count / 2;
            var changedPath = Path.Combine(directory, "tasks", $"team-{changedIndex % 50:00}", $"task-{changedIndex:00000}.yaml");
            File.WriteAllText(changedPath, ManifestGenerator.Manifest(changedIndex, maximumcall: 8));
            var incremental = Stopwatch.StartNew();
            var changed = pipeline.Evaluate(WithContentIds(new DirectorySource(directory).Read()));
            var changedPlan = Planner.Plan(changed, inventory);
            if (changedPlan.Summary.Update != 1 || changedPlan.Summary.Invalid != 0)
            {
                Console.WriteLine($"unexpected plan after a one-file change: {changedPlan.Summary}");
                return 1;
            }

            Report($"one file changed: read + validate + plan ({pipeline.LastEvaluatedFiles} re-validated, {pipeline.LastCachedFiles:N0} cached; {changedPlan.Summary.Update} update)", incremental, count);

            var total = cold.Elapsed + planFull.Elapsed;
            Console.WriteLine($"validate + plan of {count:N0} manifests: {total.TotalMilliseconds:N0} ms; one-file change: {incremental.Elapsed.TotalMilliseconds:N0} ms ({total / incremental.Elapsed:N1}x faster)");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A directory has no blob ids; hashing stands in for them, as a git source would give.</summary>
    private static SourceSnapshot WithContentIds(SourceSnapshot snapshot) => snapshot with
    {
        Files = snapshot.Files.Select(f =>
        {
            var bytes = f.Read();
            // A content id like git's blob id (git uses SHA-1 for identity, not security; so does this).
#pragma warning disable CA5350
            return ManifestFile.FromBytes(f.Path, bytes.ToArray(), Convert.ToHexStringLower(SHA1.HashData(bytes.Span)));
#pragma warning restore CA5350
        }).ToList(),
    };

    private static void Report(string stage, Stopwatch watch, int count)
    {
        watch.Stop();
        Console.WriteLine($"  {stage,-90} {watch.Elapsed.TotalMilliseconds,9:N1} ms  {watch.Elapsed.TotalMicroseconds / count,8:N1} µs/manifest");
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Sources;
using Reconciler.Core.Validation;
using Reconciler.Files;
using YamlDotNet.Core;

namespace Reconciler.Benchmarks;

/// <summary>
/// Where the time of one manifest goes: each stage of the evaluation timed on its own, on one thread, over
/// N generated manifests (after a warm-up pass, so JIT is out of the figures). Stopwatch-instrumented, in
/// process; the whole-process figures are the side-by-side benchmark's.
/// </summary>
internal static class StageBenchmark
{
    public static int Run(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reconciler-stages-{Guid.NewGuid():N}");
        try
        {
            ManifestGenerator.Write(directory, count);
            var files = new DirectorySource(directory).Read().Files.ToList();
            var bytes = files.Select(f => f.Read().ToArray()).ToList();
            var texts = bytes.Select(b => Encoding.UTF8.GetString(b)).ToList();
            var memory = files.Select((f, i) => ManifestFile.FromBytes(f.Path, bytes[i])).ToList();
            var loader = new YamlManifestLoader();
            var fullLoader = new YamlManifestLoader { FastPath = false };
            var loaded = memory.Select(f => loader.Load(f).Documents[0]).ToList();
            var elements = loaded.Select(d => d.Element).ToList();
            var documents = loaded.Select(d => new ManifestDocument(d)).ToList();
            var catalog = SchemaCatalog.Default;
            var evaluator = new ManifestEvaluator();
            var schema = catalog.ManifestSchemaForBenchmarks;
            var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag };

            Console.WriteLine($"{count:N0} manifests, one thread, median of 5 passes after a warm-up (per manifest: median wall time, the least CPU time of the thread, and bytes allocated by the warm-up pass):");
            Stage("read file", count, () => files.ForEach(f => f.Read()));
            Stage("YAML events only (YamlDotNet parser)", count, () => texts.ForEach(ParseEvents));
            var fast = memory.Count(f => Reconciler.Core.Loading.Fast.FastYamlLoader.TryLoad(f.Path, f.Read(), LoaderLimits.Default) is not null);
            Stage("load, full loader (YamlDotNet → tree → JSON)", count, () => memory.ForEach(f => fullLoader.Load(f)));
            Stage($"load, fast loader ({fast:N0} read by it, UTF-8 → JSON)", count, () => memory.ForEach(f => loader.Load(f)));
            Stage("JSON bytes → JsonDocument", count, () => loaded.ForEach(d => JsonDocument.Parse(d.Json)));
            Stage("JSON bytes → JsonNode", count, () => loaded.ForEach(d => d.CreateNode()));
            Stage("schema, Hierarchical output (collector included)", count, () => elements.ForEach(e => catalog.EvaluateManifest(e)));
            Stage("schema, Flag output", count, () => elements.ForEach(e => schema.Evaluate(e, flag)));
            var certain = loaded.Count(d => catalog.EvaluateManifest(d).Count == 0 && catalog.IsCertainlyValidManifest(d.Element));
            Stage($"schema, compiled fast check ({certain:N0} certainly valid)", count, () => loaded.ForEach(d => catalog.IsCertainlyValidManifest(d.Element)));
            Stage("rules", count, () => documents.ForEach(d => ManifestRules.All.ToList().ForEach(r => _ = r.Check(d).ToList())));
            Stage("normalize (sorted UTF-8 from the element)", count, () => documents.ForEach(d => BodyNormalizer.Normalize(d.SpecElement!.Value, null)));
            Stage("whole evaluation of a file", count, () => memory.ForEach(f => evaluator.Evaluate(f)));

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void ParseEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
        }
    }

    private static void Stage(string name, int count, Action pass)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        pass();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / count;
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var cpuBefore = ThreadCpuClock.Microseconds();
            pass();
            cpu.Add((ThreadCpuClock.Microseconds() - cpuBefore) / count);
            times.Add(watch.Elapsed.TotalMicroseconds / count);
        }

        Console.WriteLine($"  {name,-52} {times.Order().ElementAt(2),8:N1} µs {cpu.Min(),8:N1} µs CPU (min) {allocated,8:N1} KB");
    }
}

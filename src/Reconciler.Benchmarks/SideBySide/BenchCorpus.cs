using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.State;

namespace Reconciler.Benchmarks.SideBySide;

/// <summary>
/// The inputs of one size, made once and kept (they are deterministic): N YAML manifests, the JSON twin of
/// each (what the peers validate: they read JSON, not our YAML), a state store holding every task as applied
/// (for <c>plan</c> against a full state), and copies of the schemas with an <c>$id</c> (ajv resolves
/// references between files only by <c>$id</c>).
/// </summary>
internal sealed class BenchCorpus
{
    /// <summary>Bumped whenever the generator changes, so stale corpora are made again.</summary>
    private const string Version = "corpus-v2";

    private const string SchemaBase = "https://task-reconciler.invalid/schemas/";

    private BenchCorpus(string root, int count)
    {
        Root = root;
        Count = count;
    }

    public string Root { get; }

    public int Count { get; }

    public string YamlDirectory => Path.Combine(Root, "yaml");

    public string JsonDirectory => Path.Combine(Root, "json");

    public string FullStatePath => Path.Combine(Root, "state-full.db");

    /// <summary>A path where no state exists: <c>plan</c> then adopts every task.</summary>
    public string EmptyStatePath => Path.Combine(Root, "no-state", "state.db");

    public string AjvSchemaDirectory => Path.Combine(Root, "ajv-schemas");

    public long AverageBytes() =>
        Directory.EnumerateFiles(YamlDirectory, "*.yaml", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / Math.Max(1, Count);

    public static async Task<BenchCorpus> EnsureAsync(string workDirectory, int count, string schemaDirectory)
    {
        var corpus = new BenchCorpus(Path.Combine(workDirectory, count.ToString(System.Globalization.CultureInfo.InvariantCulture)), count);
        await GeneratedDirectory.EnsureAsync(corpus.Root, Version, async () =>
        {
            Console.Error.WriteLine($"generating {count:N0} manifests, their JSON twins and a full state in {corpus.Root} ...");
            ManifestGenerator.Write(corpus.YamlDirectory, count);
            var desired = WriteJsonTwins(corpus);
            await WriteFullStateAsync(corpus, desired);
            WriteAjvSchemas(schemaDirectory, corpus.AjvSchemaDirectory);
        });
        return corpus;
    }

    /// <summary>Each YAML document as the JSON our loader makes of it: numbers keep every digit.</summary>
    private static DesiredState WriteJsonTwins(BenchCorpus corpus)
    {
        var snapshot = new DirectorySource(corpus.YamlDirectory).Read();
        var loader = new YamlManifestLoader();
        foreach (var file in snapshot.Files)
        {
            var loaded = loader.Load(file);
            if (loaded.HasErrors || loaded.Documents.Count != 1)
            {
                throw new InvalidOperationException($"generated manifest {file.Path} did not load as one document");
            }

            var target = Path.Combine(corpus.JsonDirectory, Path.ChangeExtension(file.Path, ".json"));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, loaded.Documents[0].Json.ToArray());
        }

        var desired = new ManifestPipeline().Evaluate(snapshot);
        if (desired.Invalid.Count > 0 || desired.Tasks.Count != corpus.Count)
        {
            throw new InvalidOperationException($"generated manifests must all be valid; first problem: {(desired.Invalid.Count > 0 && desired.Invalid[0].Diagnostics.Count > 0 ? desired.Invalid[0].Diagnostics[0] : null)}");
        }

        return desired;
    }

    private static async Task WriteFullStateAsync(BenchCorpus corpus, DesiredState desired)
    {
        await using var store = await SqliteStateStore.OpenAsync(corpus.FullStatePath);
        var appliedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var task in desired.Tasks)
        {
            await store.RecordAppliedAsync(new AppliedRecord(task.Identity, task.Body, task.File, null, appliedAt), CancellationToken.None);
        }
    }

    private static void WriteAjvSchemas(string schemaDirectory, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(schemaDirectory, "*.schema.json"))
        {
            var schema = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var withId = new JsonObject { ["$id"] = SchemaBase + Path.GetFileName(file) };
            foreach (var (key, value) in schema.ToList())
            {
                schema.Remove(key);
                withId[key] = value;
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), withId.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}

using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// The three JSON Schemas of <c>schemas/</c> (manifest envelope, 新版 and 旧版 task bodies), built
/// once from the copies embedded in this assembly, and the one place that evaluates against them.
/// </summary>
/// <remarks>
/// Schemas are built in a private registry under <c>https://task-reconciler.invalid/schemas/</c>
/// (a base that can never resolve), so the files' relative <c>$ref</c>s find each other and nothing
/// is ever fetched or registered globally. Thread-safe: build once, evaluate from any thread.
/// </remarks>
public sealed class SchemaCatalog
{
    /// <summary>The manifest envelope schema (apiVersion, kind, metadata, spec).</summary>
    public const string ManifestSchemaFile = "task.schema.json";

    /// <summary>The 新版任务2.0 body schema (apiVersion <c>tasks/v2</c>).</summary>
    public const string V2BodySchemaFile = "task-body-v2.schema.json";

    /// <summary>The 旧版任务2.0 body schema (apiVersion <c>tasks/v2-legacy</c>).</summary>
    public const string V2LegacyBodySchemaFile = "task-body-v2-legacy.schema.json";

    private static readonly Uri BaseUri = new("https://task-reconciler.invalid/schemas/");

    private static readonly Lazy<SchemaCatalog> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonSchema _manifest;
    private readonly JsonSchema _v2Body;
    private readonly JsonSchema _v2LegacyBody;
    private readonly SchemaNavigator _navigator;

    private SchemaCatalog(JsonSchema manifest, JsonSchema v2Body, JsonSchema v2LegacyBody, SchemaNavigator navigator)
    {
        _manifest = manifest;
        _v2Body = v2Body;
        _v2LegacyBody = v2LegacyBody;
        _navigator = navigator;
    }

    /// <summary>The built manifest envelope schema (for benchmarks that time the library alone).</summary>
    public JsonSchema ManifestSchemaForBenchmarks => _manifest;

    /// <summary>The catalog of the schemas shipped in this assembly, built on first use.</summary>
    public static SchemaCatalog Default => LazyDefault.Value;

    /// <summary>Checks a whole manifest document (the YAML document as JSON) against <c>task.schema.json</c>.</summary>
    /// <returns>Every problem found, in pointer order; empty when the manifest is valid.</returns>
    public IReadOnlyList<SchemaError> EvaluateManifest(JsonElement manifest) =>
        Evaluate(_manifest, ManifestSchemaFile, manifest);

    /// <summary>Checks a PUT body against the body schema of <paramref name="flavour"/>.</summary>
    /// <returns>Every problem found, in pointer order (pointers relative to the body); empty when valid.</returns>
    public IReadOnlyList<SchemaError> EvaluateBody(ApiFlavour flavour, JsonElement body) => flavour switch
    {
        ApiFlavour.V2 => Evaluate(_v2Body, V2BodySchemaFile, body),
        ApiFlavour.V2Legacy => Evaluate(_v2LegacyBody, V2LegacyBodySchemaFile, body),
        _ => throw new ArgumentOutOfRangeException(nameof(flavour), flavour, null),
    };

    /// <summary>The text of one embedded schema file, exactly as shipped (tests check it against the meta-schema).</summary>
    internal static string ReadSchemaText(string file)
    {
        var resource = $"schemas/{file}";
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded schema '{resource}' is missing from {typeof(SchemaCatalog).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IReadOnlyList<SchemaError> Evaluate(JsonSchema schema, string file, JsonElement instance)
    {
        // Hierarchical, not List: the collector needs the tree to tell a failing anyOf from a failing branch.
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        return results.IsValid ? [] : SchemaErrorCollector.Collect(_navigator, file, instance, results);
    }

    private static SchemaCatalog Load()
    {
        var registry = new SchemaRegistry
        {
            // Every $ref points at one of our own files; anything else is a bug, never a download.
            Fetch = static (_, _) => null,
        };
        var options = new BuildOptions { SchemaRegistry = registry };
        var roots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

        // Bodies first: building the envelope resolves its $refs to them.
        JsonSchema Build(string file)
        {
            using var document = JsonDocument.Parse(ReadSchemaText(file));
            roots[file] = document.RootElement.Clone();
            return JsonSchema.Build(roots[file], options, new Uri(BaseUri, file));
        }

        var v2Body = Build(V2BodySchemaFile);
        var v2LegacyBody = Build(V2LegacyBodySchemaFile);
        var manifest = Build(ManifestSchemaFile);
        return new SchemaCatalog(manifest, v2Body, v2LegacyBody, new SchemaNavigator(roots));
    }
}

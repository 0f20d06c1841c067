using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation.Fast;
using Reconciler.Core.Validation.Keywords;

namespace Reconciler.Core.Validation;

/// <summary>
/// The three JSON Schemas of <c>schemas/</c> (manifest envelope, 新版 and 旧版 task bodies), built
/// once from the copies embedded in this assembly, and the one place that evaluates against them.
/// </summary>
/// <remarks>
/// Schemas are built in a private registry under <c>https://task-reconciler.invalid/schemas/</c>
/// (a base that can never resolve), so the files' relative <c>$ref</c>s find each other and nothing
/// is ever fetched or registered globally. Thread-safe: build once, evaluate from any thread.
/// <para>
/// Most manifests are valid, and JsonSchema.Net's full evaluation is the most expensive step of loading
/// one. So a document is first checked by the same schemas compiled to plain checks
/// (<see cref="SchemaCompiler"/>); only when that check cannot say "valid" for certain does JsonSchema.Net
/// evaluate it, decide, and word the errors. JsonSchema.Net's schemas are built on first need, so a run
/// over valid manifests never pays for building them.
/// </para>
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

    private readonly Lazy<BuiltSchemas> _built;
    private readonly SchemaNavigator _navigator;
    private readonly SchemaCheck? _fastManifest;

    private SchemaCatalog(Dictionary<string, JsonElement> roots, SchemaCheck? fastManifest)
    {
        _built = new Lazy<BuiltSchemas>(() => Build(roots), LazyThreadSafetyMode.ExecutionAndPublication);
        _navigator = new SchemaNavigator(roots);
        _fastManifest = fastManifest;
        IntegerPositions = IntegerPositions.Collect(roots, ManifestSchemaFile);
    }

    /// <summary>Where the manifest schema (with both bodies) says a value is an integer.</summary>
    internal IntegerPositions IntegerPositions { get; }

    /// <summary>The built manifest envelope schema (for benchmarks that time the library alone).</summary>
    public JsonSchema ManifestSchemaForBenchmarks => _built.Value.Manifest;

    /// <summary>Whether the fast check is in use (false only if the schemas use a keyword it does not implement).</summary>
    public bool HasFastCheck => _fastManifest is not null;

    /// <summary>The catalog of the schemas shipped in this assembly, built on first use.</summary>
    public static SchemaCatalog Default => LazyDefault.Value;

    /// <summary>Checks a whole manifest document (the YAML document as JSON) against <c>task.schema.json</c>.</summary>
    /// <returns>Every problem found, in pointer order; empty when the manifest is valid.</returns>
    public IReadOnlyList<SchemaError> EvaluateManifest(JsonElement manifest) =>
        Evaluate(_built.Value.Manifest, ManifestSchemaFile, manifest);

    /// <summary>
    /// Checks a loaded manifest document: the fast check first, JsonSchema.Net (on the document's
    /// <see cref="JsonElement"/>) only when the fast check is not certain that it is valid.
    /// </summary>
    /// <returns>Every problem found, in pointer order; empty when the manifest is valid.</returns>
    public IReadOnlyList<SchemaError> EvaluateManifest(LoadedDocument document) =>
        IsCertainlyValidManifest(document.Element) ? [] : EvaluateManifest(document.Element);

    /// <summary>True only when the compiled check proves the document valid against <c>task.schema.json</c>.</summary>
    internal bool IsCertainlyValidManifest(JsonElement manifest) => _fastManifest?.Invoke(manifest) == Verdict.Valid;

    /// <summary>The same for a tree (tests build their variants as trees).</summary>
    internal bool IsCertainlyValidManifest(JsonNode? manifest) => IsCertainlyValidManifest(JsonSerializer.SerializeToElement(manifest));

    /// <summary>Checks a PUT body against the body schema of <paramref name="flavour"/>.</summary>
    /// <returns>Every problem found, in pointer order (pointers relative to the body); empty when valid.</returns>
    public IReadOnlyList<SchemaError> EvaluateBody(ApiFlavour flavour, JsonElement body) => flavour switch
    {
        ApiFlavour.V2 => Evaluate(_built.Value.V2Body, V2BodySchemaFile, body),
        ApiFlavour.V2Legacy => Evaluate(_built.Value.V2LegacyBody, V2LegacyBodySchemaFile, body),
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
        var roots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in new[] { V2BodySchemaFile, V2LegacyBodySchemaFile, ManifestSchemaFile })
        {
            using var document = JsonDocument.Parse(ReadSchemaText(file));
            roots[file] = document.RootElement.Clone();
        }

        SchemaCheck? fast;
        try
        {
            fast = SchemaCompiler.Compile(roots, ManifestSchemaFile);
        }
        catch (UnsupportedSchemaException)
        {
            // A keyword the fast check does not know: every document goes through JsonSchema.Net, still correct.
            fast = null;
        }

        return new SchemaCatalog(roots, fast);
    }

    private static BuiltSchemas Build(Dictionary<string, JsonElement> roots)
    {
        var registry = new SchemaRegistry
        {
            // Every $ref points at one of our own files; anything else is a bug, never a download.
            Fetch = static (_, _) => null,
        };
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = ExactDialect.Draft202012, DialectRegistry = ExactDialect.Registry() };

        // Bodies first: building the envelope resolves its $refs to them.
        JsonSchema BuildOne(string file) => JsonSchema.Build(roots[file], options, new Uri(BaseUri, file));
        var v2Body = BuildOne(V2BodySchemaFile);
        var v2LegacyBody = BuildOne(V2LegacyBodySchemaFile);
        return new BuiltSchemas(BuildOne(ManifestSchemaFile), v2Body, v2LegacyBody);
    }

    private sealed record BuiltSchemas(JsonSchema Manifest, JsonSchema V2Body, JsonSchema V2LegacyBody);
}

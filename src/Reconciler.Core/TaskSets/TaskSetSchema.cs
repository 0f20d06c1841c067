using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Loading;
using Reconciler.Core.Validation;
using Reconciler.Core.Validation.Fast;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// <c>schemas/taskset.schema.json</c>, the schema editors use for <c>kind: TaskSet</c>, and the one place the
/// reconciler evaluates a set document against it: the compiled fast check first, JsonSchema.Net (which words the
/// errors) only when that check cannot say "valid". Built once, in a private registry beside the body schemas it
/// refers to, exactly like <see cref="SchemaCatalog"/> (nothing is ever fetched).
/// </summary>
internal sealed class TaskSetSchema
{
    /// <summary>The set envelope schema: template, items, itemsFrom.</summary>
    public const string File = "taskset.schema.json";

    private static readonly Uri BaseUri = new("https://task-reconciler.invalid/schemas/");

    private static readonly Lazy<TaskSetSchema> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<JsonSchema> _built;
    private readonly SchemaNavigator _navigator;
    private readonly SchemaCheck? _fast;

    private TaskSetSchema(Dictionary<string, JsonElement> roots, SchemaCheck? fast)
    {
        Roots = roots;
        _navigator = new SchemaNavigator(roots);
        _fast = fast;
        _built = new Lazy<JsonSchema>(() => Build(roots), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static TaskSetSchema Default => LazyDefault.Value;

    /// <summary>Every schema document by file name (the bodies too: CSV columns are typed from them).</summary>
    public IReadOnlyDictionary<string, JsonElement> Roots { get; }

    /// <summary>Whether the fast check is in use (false only if the schema uses a keyword it does not implement).</summary>
    public bool HasFastCheck => _fast is not null;

    /// <summary>Every problem of a set document, in pointer order; empty when it is valid.</summary>
    public IReadOnlyList<SchemaError> Evaluate(LoadedDocument document) =>
        IsCertainlyValid(document.Element) ? [] : EvaluateFully(document.Element);

    /// <summary>True only when the compiled check proves the document valid (the differential test holds it to JsonSchema.Net).</summary>
    internal bool IsCertainlyValid(JsonElement document) => _fast?.Invoke(document) == Verdict.Valid;

    /// <summary>The same for a tree (tests build their variants as trees).</summary>
    internal bool IsCertainlyValid(System.Text.Json.Nodes.JsonNode? document) => IsCertainlyValid(JsonSerializer.SerializeToElement(document));

    /// <summary>JsonSchema.Net's verdict and words, without the fast check.</summary>
    internal IReadOnlyList<SchemaError> EvaluateFully(JsonElement instance)
    {
        try
        {
            var results = _built.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            return results.IsValid ? [] : SchemaErrorCollector.Collect(_navigator, File, instance, results);
        }
        catch (FormatException)
        {
            // JsonSchema.Net compares enum/const values as decimals and throws beyond decimal's range (1e400): the
            // value is wrong either way, and the item or template check that reads it says which one.
            return [new SchemaError("", "", "a number in this set is out of range")];
        }
    }

    private static TaskSetSchema Load()
    {
        var roots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in new[] { SchemaCatalog.V2BodySchemaFile, SchemaCatalog.V2LegacyBodySchemaFile, SchemaCatalog.ManifestSchemaFile, File })
        {
            using var document = JsonDocument.Parse(SchemaCatalog.ReadSchemaText(file));
            roots[file] = document.RootElement.Clone();
        }

        SchemaCheck? fast;
        try
        {
            fast = SchemaCompiler.Compile(roots, File);
        }
        catch (UnsupportedSchemaException)
        {
            fast = null; // still correct, through JsonSchema.Net alone
        }

        return new TaskSetSchema(roots, fast);
    }

    private static JsonSchema Build(Dictionary<string, JsonElement> roots)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry { Fetch = static (_, _) => null } };
        JsonSchema BuildOne(string file) => JsonSchema.Build(roots[file], options, new Uri(BaseUri, file));

        // Referenced files first, so the set schema's $refs resolve in the registry.
        BuildOne(SchemaCatalog.V2BodySchemaFile);
        BuildOne(SchemaCatalog.V2LegacyBodySchemaFile);
        BuildOne(SchemaCatalog.ManifestSchemaFile);
        return BuildOne(File);
    }
}

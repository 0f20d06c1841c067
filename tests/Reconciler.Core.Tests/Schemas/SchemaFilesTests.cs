using System.Text.Json;
using Json.Pointer;
using Json.Schema;
using Reconciler.Core.Validation;
using Reconciler.Core.Validation.Patterns;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>The schema files themselves: valid 2020-12, editor-friendly, and in step with the messages.</summary>
public sealed class SchemaFilesTests
{
    public static IEnumerable<object[]> Files() =>
    [
        [SchemaCatalog.ManifestSchemaFile],
        [SchemaCatalog.V2BodySchemaFile],
        [SchemaCatalog.V2LegacyBodySchemaFile],
        [Reconciler.Core.TaskSets.TaskSetSchema.File],
    ];

    public static IEnumerable<object[]> BodyFiles() =>
    [
        [SchemaCatalog.V2BodySchemaFile],
        [SchemaCatalog.V2LegacyBodySchemaFile],
    ];

    private static JsonElement Root(string file) => JsonDocument.Parse(SchemaCatalog.ReadSchemaText(file)).RootElement;

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_AgainstDraft202012MetaSchema_IsValid(string file)
    {
        var results = MetaSchemas.Draft202012.Evaluate(Root(file), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_DeclaresDraft202012AndHasNoId(string file)
    {
        var root = Root(file);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.DoesNotContain(Walk(root), n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("$id", out _));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_EveryRef_IsLocalOrASiblingFile(string file)
    {
        var known = Files().Select(f => (string)f[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in Refs(Root(file)))
        {
            var hash = reference.IndexOf('#', StringComparison.Ordinal);
            var target = hash < 0 ? reference : reference[..hash];
            Assert.True(target.Length == 0 || known.Contains(target), $"{file}: $ref '{reference}' is neither local nor a sibling schema file");
            if (hash >= 0)
            {
                var root = target.Length == 0 ? Root(file) : Root(target);
                Assert.NotNull(JsonPointer.Parse(reference[(hash + 1)..]).Evaluate(root));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_EveryRef_HasOnlyADescriptionBesideIt(string file)
    {
        // Editors on draft-07 rules ignore $ref siblings; keeping them to descriptions means they validate the same.
        var crowded = Walk(Root(file))
            .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("$ref", out _))
            .Where(n => n.EnumerateObject().Any(p => p.Name is not ("$ref" or "description")))
            .Select(n => n.GetProperty("$ref").GetString());

        Assert.Empty(crowded);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_Embedded_IsTheFileInSchemasFolder(string file)
    {
        var onDisk = File.ReadAllText(Path.Combine(RepositoryRoot(), "schemas", file));

        Assert.Equal(onDisk, SchemaCatalog.ReadSchemaText(file));
    }

    [Theory]
    [MemberData(nameof(BodyFiles))]
    public void BodySchema_EveryField_HasADescriptionWithTheDocumentsChineseTerm(string file)
    {
        var root = Root(file);
        var undocumented = new List<string>();
        foreach (var (name, schema) in Properties(root))
        {
            var description = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            if (!description.Any(c => c is >= '\u4e00' and <= '\u9fff'))
            {
                // A field whose schema is a $ref to a described definition carries that description instead.
                var viaRef = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r)
                    ? JsonPointer.Parse(r.GetString()![1..]).Evaluate(root)
                    : null;
                var refDescription = viaRef is { } target && target.TryGetProperty("description", out var td) ? td.GetString() ?? "" : "";
                if (!refDescription.Any(c => c is >= '\u4e00' and <= '\u9fff'))
                {
                    undocumented.Add(name);
                }
            }
        }

        Assert.Empty(undocumented);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_EveryObject_RefusesUnknownFields(string file)
    {
        // Typos must be caught: every object schema with properties closes itself (labels/annotations are maps).
        var open = Walk(Root(file), skipConditions: true)
            .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("properties", out _))
            .Where(n => !n.TryGetProperty("additionalProperties", out var ap) || ap.ValueKind != JsonValueKind.False)
            .Select(n => n.TryGetProperty("description", out var d) ? d.GetString() : n.GetRawText()[..40])
            .ToList();

        // The envelope's spec is closed by the body schema chosen with apiVersion.
        Assert.Equal(file == SchemaCatalog.ManifestSchemaFile ? 1 : 0, open.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_EveryChoicePatternAndNot_SitsInADefinitionWithItsOwnMessage(string file)
    {
        var root = Root(file);
        var definitions = root.GetProperty("$defs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        foreach (var keyword in new[] { "anyOf", "oneOf", "pattern", "not" })
        {
            var inDefinitions = definitions.Where(d => d.Value.TryGetProperty(keyword, out _)).Select(d => d.Key).ToList();
            var everywhere = Walk(root).Count(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty(keyword, out var v)
                && (keyword != "pattern" || v.ValueKind == JsonValueKind.String));
            var nestedInChoices = keyword == "pattern" ? definitions.Values.Count(d => d.TryGetProperty("anyOf", out var a)
                && a.EnumerateArray().Any(b => b.TryGetProperty("pattern", out _))) : 0;

            Assert.Equal(everywhere, inDefinitions.Count + nestedInChoices);
            var worded = keyword switch
            {
                "pattern" => SchemaMessages.WordedPatterns,
                "not" => SchemaMessages.WordedNots,
                _ => SchemaMessages.WordedChoices,
            };
            Assert.All(inDefinitions, d => Assert.Contains(d, worded));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_EveryPattern_TranslatesToItsEcma262Meaning(string file)
    {
        // A pattern the translation cannot carry exactly would fail the catalog's build: found here first, by name.
        var patterns = Walk(Root(file))
            .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String)
            .Select(n => n.GetProperty("pattern").GetString()!)
            .ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, pattern => Assert.StartsWith("(?!", EcmaPattern.Translate(pattern), StringComparison.Ordinal));
    }

    // With skipConditions, if/then subschemas (which only add to an outer closed schema) are left out.
    private static IEnumerable<JsonElement> Walk(JsonElement node) => Walk(node, skipConditions: false);

    private static IEnumerable<JsonElement> Walk(JsonElement node, bool skipConditions)
    {
        yield return node;
        var children = node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject().Where(p => !skipConditions || p.Name is not ("if" or "then")).Select(p => p.Value),
            JsonValueKind.Array => node.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(c => Walk(c, skipConditions)))
        {
            yield return child;
        }
    }

    private static IEnumerable<string> Refs(JsonElement root) => Walk(root)
        .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("$ref", out var r) && r.ValueKind == JsonValueKind.String)
        .Select(n => n.GetProperty("$ref").GetString()!);

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement root) => Walk(root)
        .Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        .SelectMany(n => n.GetProperty("properties").EnumerateObject().Select(p => (p.Name, p.Value)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reconciler.sln not found above the test output directory");
    }
}

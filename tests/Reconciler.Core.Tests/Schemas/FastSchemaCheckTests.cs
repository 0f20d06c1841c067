using System.Text.Json.Nodes;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>
/// The compiled fast check may only ever say "valid" when JsonSchema.Net says valid too (anything else goes
/// to JsonSchema.Net anyway). Checked differentially: every seed example, every sample-repo manifest, and
/// hundreds of one-value mutations of them (wrong types, fractions, numbers beyond decimal, duplicates,
/// removed and unknown fields).
/// </summary>
public sealed class FastSchemaCheckTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Default;

    /// <summary>Values put in place of each value of a valid manifest, one at a time.</summary>
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "\"\"", "\"x\"", "\"0123\"", "\"25:00\"", "\"09:00\"", "\"2026-01-01 00:00:00\"", "\"..\"",
        "0", "-1", "1", "2", "3", "13", "61", "101", "1.0", "1.5", "1e2", "-0", "9007199254740993", "99999999999999999999999999999999",
        "{}", "[]", "[1, 1]", "[\"a\", \"a\"]", "[\"a\"]", "{\"x\": 1}", "\"tasks/v2\"", "\"tasks/v2-legacy\"", "\"Task\"",

        // Numbers past decimal and double (JsonSchema.Net 8.0.5's own enum check threw on these), and text that only
        // ECMA-262's reading of a pattern refuses (a final line feed, blanks).
        "1e29", "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "[1e400, 1e400]", "[1e29, 1e29]", "2.0000000000000000000000000001",
        "\"x\\n\"", "\"0123\\n\"", "\"09:00\\n\"", "\"   \"", "\"\\u00a0\"", "\"\\u3000\"",
    ];

    [Fact]
    public void Catalog_OurSchemas_CompileToTheFastCheck()
    {
        // If this fails, a schema uses a keyword the fast check does not implement: still correct (JsonSchema.Net
        // evaluates everything), but several times slower. Implement the keyword in Validation/Fast.
        Assert.True(Catalog.HasFastCheck);
    }

    [Fact]
    public void FastCheck_EveryValidBaseManifest_IsCertainlyValid()
    {
        foreach (var (name, manifest) in BaseManifests())
        {
            Assert.True(Catalog.EvaluateManifest(SeedBodies.Element(manifest)).Count == 0, $"{name} should be valid");
            Assert.True(Catalog.IsCertainlyValidManifest(Reparse(manifest)), $"{name}: the fast check should prove it valid");
        }
    }

    [Trait("Category", "Slow")] // thousands of one-value mutations through both validators
    [Fact]
    public void FastCheck_OneValueMutations_NeverValidWhereJsonSchemaNetIsNot()
    {
        var checkedVariants = 0;
        var invalidVariants = 0;
        foreach (var (name, manifest) in BaseManifests())
        {
            foreach (var (pointer, variant) in Mutations(manifest))
            {
                checkedVariants++;
                var slowValid = SlowVerdict(variant);
                invalidVariants += slowValid ? 0 : 1;
                foreach (var form in new[] { variant, Reparse(variant) })
                {
                    if (Catalog.IsCertainlyValidManifest(form))
                    {
                        Assert.True(slowValid, $"{name} with {pointer} changed: the fast check says valid, JsonSchema.Net does not: {variant.ToJsonString()}");
                    }
                }
            }
        }

        // The mutations must reach the interesting cases, not only trivially valid ones.
        Assert.True(checkedVariants > 2_000, $"only {checkedVariants} variants");
        Assert.True(invalidVariants > checkedVariants / 3, $"only {invalidVariants} of {checkedVariants} variants invalid");
    }

    private static bool SlowVerdict(JsonNode manifest)
    {
        try
        {
            return Catalog.EvaluateManifest(SeedBodies.Element(manifest)).Count == 0;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false; // a number JsonSchema.Net cannot read: it is not "valid" either
        }
    }

    private static JsonNode? Reparse(JsonNode node) => JsonNode.Parse(node.ToJsonString());

    private static IEnumerable<(string Name, JsonObject Manifest)> BaseManifests()
    {
        foreach (var seed in SeedBodies.All())
        {
            var (flavour, language) = ((ApiFlavour)seed[0], (string)seed[1]);
            yield return ($"seed {flavour} {language}", SeedBodies.Manifest(flavour.ToApiVersion(), SeedBodies.Load(flavour, language)));
        }

        var sample = Path.Combine(AppContext.BaseDirectory, "testdata", "sample-repo");
        var loader = new YamlManifestLoader();
        foreach (var file in Directory.EnumerateFiles(sample, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var document in loader.Load(ManifestFile.FromBytes(file, File.ReadAllBytes(file))).Documents.Where(d => !Reconciler.Core.TaskSets.TaskSetDocument.IsTaskSet(d)))
            {
                yield return ($"sample {Path.GetFileName(file)}", document.CreateNode()!.AsObject());
            }
        }
    }

    /// <summary>Every value replaced by each replacement, every field removed, and an unknown field added to every object.</summary>
    internal static IEnumerable<(string Pointer, JsonNode Variant)> Mutations(JsonObject manifest)
    {
        foreach (var pointer in Pointers(manifest, ""))
        {
            foreach (var replacement in Replacements)
            {
                yield return ($"{pointer} = {replacement}", Change(manifest, pointer, (parent, key) => Set(parent, key, JsonNode.Parse(replacement))));
            }

            yield return ($"{pointer} removed", Change(manifest, pointer, Remove));
            yield return ($"{pointer}/zz_unknown added", Change(manifest, pointer, (parent, key) =>
            {
                if (Get(parent, key) is JsonObject obj)
                {
                    obj["zz_unknown"] = 1;
                }
            }));
        }
    }

    private static IEnumerable<string> Pointers(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var child = JsonPointers.Append(pointer, key);
                    yield return child;
                    foreach (var inner in Pointers(value, child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = JsonPointers.Append(pointer, i);
                    yield return child;
                    foreach (var inner in Pointers(array[i], child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static JsonNode Change(JsonObject manifest, string pointer, Action<JsonNode, string> change)
    {
        var copy = manifest.DeepClone();
        var slash = pointer.LastIndexOf('/');
        var parent = Navigate(copy, pointer[..slash]);
        change(parent, pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return copy;
    }

    private static JsonNode Navigate(JsonNode node, string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(node, (current, segment) => Get(current, segment)!);

    private static JsonNode? Get(JsonNode parent, string key) => parent is JsonArray array ? array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : parent[key];

    private static void Set(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonArray array)
        {
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[key] = value;
        }
    }

    private static void Remove(JsonNode parent, string key)
    {
        if (parent is JsonArray array)
        {
            array.RemoveAt(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            parent.AsObject().Remove(key);
        }
    }
}

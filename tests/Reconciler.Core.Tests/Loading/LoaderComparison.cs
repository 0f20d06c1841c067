using System.Text;
using System.Text.Json;
using Reconciler.Core.Loading;
using Reconciler.Core.Loading.Fast;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Loading;

/// <summary>
/// Loads one file with both loaders and fails if the fast one accepted it and produced anything different
/// from the full one: documents, JSON bytes, document locations, and the position of every value and key
/// (and of pointers that lead nowhere).
/// </summary>
internal static class LoaderComparison
{
    /// <summary>True when the fast loader accepted the file (and agreed); false when it declined it.</summary>
    public static bool FastAgrees(byte[] bytes, LoaderLimits? limits = null)
    {
        limits ??= LoaderLimits.Default;
        var fast = FastYamlLoader.Read("f.yaml", bytes, limits);
        if (fast is null)
        {
            return false;
        }

        var full = new YamlManifestLoader(limits) { FastPath = false }.Load(ManifestFile.FromBytes("f.yaml", bytes));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.True(full.Diagnostics.Count == 0, $"the fast loader accepted what the full loader refuses ({string.Join("; ", full.Diagnostics)}):\n{text}");
        Assert.True(full.Documents.Count == fast.Count, $"documents: full {full.Documents.Count}, fast {fast.Count}:\n{text}");
        for (var i = 0; i < fast.Count; i++)
        {
            var (expected, actual) = (full.Documents[i], fast[i]);
            Assert.True(Encoding.UTF8.GetString(expected.Json.Span) == Encoding.UTF8.GetString(actual.Json.Span), $"JSON differs:\n{Encoding.UTF8.GetString(expected.Json.Span)}\n{Encoding.UTF8.GetString(actual.Json.Span)}\n{text}");
            Assert.True(expected.Location == actual.Location, $"document location: full {expected.Location}, fast {actual.Location}:\n{text}");
            Assert.Equal(expected.Index, actual.Index);
            foreach (var pointer in Probes(expected.Json))
            {
                var (e, a) = (expected.Map.Locate(pointer), actual.Map.Locate(pointer));
                Assert.True(e == a, $"'{pointer}': full {e}, fast {a}:\n{text}");
                var (ek, ak) = (expected.Map.LocateKey(pointer), actual.Map.LocateKey(pointer));
                Assert.True(ek == ak, $"key of '{pointer}': full {ek}, fast {ak}:\n{text}");
            }
        }

        return true;
    }

    /// <summary>Every pointer of the document, and for each some that lead nowhere or are oddly written.</summary>
    private static IEnumerable<string> Probes(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var pointers = new List<string>();
        void Visit(JsonElement element, string pointer)
        {
            pointers.Add(pointer);
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Visit(property.Value, JsonPointers.Append(pointer, property.Name));
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Visit(item, JsonPointers.Append(pointer, index++));
                    }

                    break;
            }
        }

        Visit(document.RootElement, "");
        return pointers.SelectMany(p => new[] { p, p + "/missing", p + "/01", p + "/99", p + "/", p + "x" }).Append("/nope/deeper").Append("nope");
    }
}

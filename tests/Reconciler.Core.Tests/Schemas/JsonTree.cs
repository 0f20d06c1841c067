using System.Globalization;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>Reads and replaces nodes of a test document by JSON Pointer (no escaping needed in our tests).</summary>
internal static class JsonTree
{
    public static JsonNode Find(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray array ? array[int.Parse(segment, CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        return node;
    }

    public static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var cut = pointer.LastIndexOf('/');
        var parent = Find(root, pointer[..cut]);
        var last = pointer[(cut + 1)..];
        if (parent is JsonArray array)
        {
            array[int.Parse(last, CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[last] = value;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Json;

/// <summary>
/// The one way we turn JSON into text: compact, object keys in ordinal order, non-ASCII text kept as
/// written (Chinese names stay readable in state and diffs), and numbers exactly as written — nodes
/// parsed from text keep their raw number text, so ids beyond 2^53 never pass through <c>double</c>.
/// </summary>
public static class CanonicalJson
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
    };

    /// <summary>Parses JSON text so that every number keeps its exact text.</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    /// <summary>A deep copy of <paramref name="node"/> with every object's keys in ordinal order.</summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SortKeys).ToArray()),
        _ => node.DeepClone(),
    };

    public static string Serialize(JsonNode? node, bool indented = false) =>
        node is null ? "null" : node.ToJsonString(indented ? Indented : Compact);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

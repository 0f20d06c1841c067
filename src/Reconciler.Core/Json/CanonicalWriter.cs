using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Json;

/// <summary>
/// Writes a tree as canonical JSON (compact, keys in ordinal order, numbers as written) straight to UTF-8,
/// without building a sorted copy first. Its output is byte for byte that of
/// <c>CanonicalJson.Serialize(CanonicalJson.SortKeys(node))</c>; an object's entries may be extended or
/// overridden on the way out (what the normaliser adds to a body), so the source tree is never copied.
/// </summary>
internal static class CanonicalWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Extra entries for the object at one place: the key, and the value that replaces or adds it.</summary>
    public delegate IReadOnlyList<KeyValuePair<string, JsonNode?>>? Additions(JsonObject obj, int depth);

    public static byte[] Write(JsonNode? node, Additions? additions = null)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteNode(writer, node, additions, 0);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, Additions? additions, int depth)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                WriteObject(writer, obj, additions, depth);
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item, additions, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonObject obj, Additions? additions, int depth)
    {
        var extra = additions?.Invoke(obj, depth);
        var entries = new List<KeyValuePair<string, JsonNode?>>(obj.Count + (extra?.Count ?? 0));
        foreach (var entry in obj)
        {
            if (extra is null || !extra.Any(e => e.Key == entry.Key))
            {
                entries.Add(entry);
            }
        }

        if (extra is not null)
        {
            entries.AddRange(extra);
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        writer.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            writer.WritePropertyName(key);
            WriteNode(writer, value, additions, depth + 1);
        }

        writer.WriteEndObject();
    }
}

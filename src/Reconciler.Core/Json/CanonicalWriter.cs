using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconciler.Core.Json;

/// <summary>
/// Writes a document as canonical JSON (compact, keys in ordinal order, numbers as written) straight to UTF-8,
/// from the read-only <see cref="JsonElement"/> the manifest was parsed into, without building a tree or a sorted
/// copy first. Its output is byte for byte that of <c>CanonicalJson.Serialize(CanonicalJson.SortKeys(node))</c>;
/// an object's entries may be extended or overridden on the way out (what the normaliser adds to a body).
/// </summary>
internal static class CanonicalWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Extra entries for the object found under <paramref name="key"/> (null for the root) at <paramref name="depth"/>:
    /// the key, and the value that replaces or adds it.
    /// </summary>
    public delegate IReadOnlyList<KeyValuePair<string, JsonElement>>? Additions(JsonElement obj, string? key, int depth);

    /// <summary>One buffer and writer per thread, reused: every manifest's body is written here, then copied out at its size.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    public static byte[] Write(JsonElement root, Additions? additions = null)
    {
        var (buffer, writer) = _scratch ??= NewScratch();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            WriteElement(writer, root, null, additions, 0);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        catch
        {
            _scratch = null; // a writer left mid-document is not reused
            throw;
        }
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewScratch()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer, Options));
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement element, string? key, Additions? additions, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element, key, additions, depth);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(writer, item, null, additions, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                // Strings are unescaped and written again with our encoder, numbers as their text: as a tree's values are.
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement obj, string? key, Additions? additions, int depth)
    {
        var extra = additions?.Invoke(obj, key, depth);
        var entries = new List<Entry>(obj.GetPropertyCount() + (extra?.Count ?? 0));
        foreach (var property in obj.EnumerateObject())
        {
            if (extra is null || !extra.Any(e => property.NameEquals(e.Key)))
            {
                entries.Add(new Entry(property));
            }
        }

        if (extra is not null)
        {
            entries.AddRange(extra.Select(e => new Entry(e.Key, e.Value)));
        }

        entries.Sort(static (a, b) => a.CompareTo(b));
        writer.WriteStartObject();
        foreach (var entry in entries)
        {
            entry.WriteName(writer);
            WriteElement(writer, entry.Value, entry.Name, additions, depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// One entry of an object. A plain ASCII name (nearly every name) is compared and written as the document's own
    /// bytes, which order as UTF-16 ordinal does for ASCII; any other name is read as a string first.
    /// </summary>
    private readonly struct Entry
    {
        private readonly JsonProperty _property;
        private readonly string? _name;

        public Entry(JsonProperty property)
        {
            _property = property;
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            _name = raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && raw.IndexOf((byte)'\\') < 0 ? null : property.Name;
            Value = property.Value;
        }

        public Entry(string name, JsonElement value)
        {
            _name = name;
            Value = value;
        }

        public JsonElement Value { get; }

        /// <summary>The name as a string (only the addition and the object rules ask for it by name).</summary>
        public string Name => _name ?? _property.Name;

        public int CompareTo(Entry other) =>
            _name is null && other._name is null
                ? JsonMarshal.GetRawUtf8PropertyName(_property).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(other._property))
                : string.CompareOrdinal(Name, other.Name);

        public void WriteName(Utf8JsonWriter writer)
        {
            if (_name is null)
            {
                writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(_property));
            }
            else
            {
                writer.WritePropertyName(_name);
            }
        }
    }
}

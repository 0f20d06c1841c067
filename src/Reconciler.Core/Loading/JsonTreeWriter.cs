using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconciler.Core.Loading;

/// <summary>
/// Writes a <see cref="YamlTreeNode"/> tree as compact UTF-8 JSON and records each value's position
/// under its JSON Pointer. Numbers are written as raw text, so they survive exactly.
/// </summary>
internal static class JsonTreeWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static byte[] Write(YamlTreeNode root, SourceMap map)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteNode(writer, root, "", root.Line, root.Column, map);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, YamlTreeNode node, string pointer, int line, int column, SourceMap map)
    {
        // An alias gets its own position; what is inside it keeps the anchor's positions.
        map.AddValue(pointer, line, column);
        WriteContent(writer, node, pointer, map);
    }

    private static void WriteContent(Utf8JsonWriter writer, YamlTreeNode node, string pointer, SourceMap map)
    {
        switch (node)
        {
            case YamlAliasNode alias:
                WriteContent(writer, alias.Target, pointer, map);
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var item = sequence.Items[i];
                    WriteNode(writer, item, JsonPointers.Append(pointer, i), item.Line, item.Column, map);
                }

                writer.WriteEndArray();
                break;
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    var child = JsonPointers.Append(pointer, entry.Key);
                    map.AddKey(child, entry.KeyLine, entry.KeyColumn);
                    writer.WritePropertyName(entry.Key);
                    WriteNode(writer, entry.Value, child, entry.Value.Line, entry.Value.Column, map);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                writer.WriteNullValue();
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(scalar.Text == "true");
                break;
            case ScalarKind.Number:
                writer.WriteRawValue(scalar.Text);
                break;
            default:
                writer.WriteStringValue(scalar.Text);
                break;
        }
    }
}

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconciler.Core.Loading;

/// <summary>
/// Writes a <see cref="YamlTreeNode"/> tree as compact UTF-8 JSON. Numbers are written as raw text, so they
/// survive exactly. Positions stay in the tree (see <see cref="SourceMap"/>).
/// </summary>
internal static class JsonTreeWriter
{
    /// <summary>How loaded documents are written (the fast loader writes with the same options, so the bytes are the same).</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static byte[] Write(YamlTreeNode root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteContent(writer, root);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteContent(Utf8JsonWriter writer, YamlTreeNode node)
    {
        switch (node)
        {
            case YamlAliasNode alias:
                WriteContent(writer, alias.Target);
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    WriteContent(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    WriteContent(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
        }
    }

    internal static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
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

using System.Buffers;
using System.Text.Json;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The Task manifest one item stands for: the set's apiVersion, <c>kind: Task</c>, metadata from the item over the
/// set's defaults (labels and annotations merged, the item's winning), and the item's spec merged over the template
/// (<see cref="SpecMerge"/>). Every later step (schema, rules, normalization, identity) reads it like any manifest.
/// </summary>
internal static class MergedManifest
{
    /// <summary>Metadata an item inherits from its set unless it sets its own.</summary>
    public static readonly string[] InheritedMetadata = ["user_id", "sub_user_id", "suspend", "stop_before_update"];

    /// <summary>Metadata maps the item adds to (its own entries win).</summary>
    public static readonly string[] MergedMetadata = ["labels", "annotations"];

    /// <summary>Read back at once by the evaluation, never shown: text is copied as it is, not escaped to ASCII.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(TaskSetDocument set, JsonElement item)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (set.ApiVersion is { } apiVersion)
            {
                writer.WritePropertyName("apiVersion");
                apiVersion.WriteTo(writer);
            }

            writer.WriteString("kind", "Task");
            writer.WritePropertyName("metadata");
            writer.WriteStartObject();
            WriteField(writer, "user_id", Own(item, "user_id") ?? TaskSetDocument.Child(set.Metadata, "user_id"));
            WriteField(writer, "task_id", Own(item, "task_id"));
            foreach (var name in InheritedMetadata.Skip(1))
            {
                WriteField(writer, name, Own(item, name) ?? TaskSetDocument.Child(set.Metadata, name));
            }

            foreach (var name in MergedMetadata)
            {
                var inherited = TaskSetDocument.Child(set.Metadata, name);
                var own = Own(item, name);
                if (inherited is not null || own is not null)
                {
                    writer.WritePropertyName(name);
                    SpecMerge.Write(writer, inherited, own);
                }
            }

            writer.WriteEndObject();
            writer.WritePropertyName("spec");
            SpecMerge.Write(writer, set.Template, Own(item, "spec"));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonElement? Own(JsonElement item, string name) => TaskSetDocument.Child(item, name);

    private static void WriteField(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } present)
        {
            writer.WritePropertyName(name);
            present.WriteTo(writer);
        }
    }
}

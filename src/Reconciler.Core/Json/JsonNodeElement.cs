using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Core.Json;

/// <summary>
/// A <see cref="JsonNode"/> as a standalone <see cref="JsonElement"/>, written out through a <see cref="Utf8JsonWriter"/>:
/// what <c>JsonSerializer.SerializeToElement(node)</c> gives, without the reflection-based serializer, which a native
/// AOT build (<c>reconciler-plan</c>, <c>reconciler-validate</c>) cannot run.
/// </summary>
public static class JsonNodeElement
{
    public static JsonElement Of(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

using System.Text.Json;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The merge rule of a TaskSet: an item is laid over the template; where both hold an object, the objects merge key
/// by key (the template's keys in their order, then the item's new ones); anywhere else the item's value replaces the
/// template's whole: a list is never merged element by element, and <c>null</c> is a value like any other.
/// </summary>
/// <remarks>Written straight to JSON from the two immutable trees, so no per-item copy of the template is made.</remarks>
internal static class SpecMerge
{
    public static void Write(Utf8JsonWriter writer, JsonElement? template, JsonElement? overlay)
    {
        if (overlay is not { } over)
        {
            if (template is { } only)
            {
                only.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            return;
        }

        if (template is not { ValueKind: JsonValueKind.Object } under || over.ValueKind != JsonValueKind.Object)
        {
            over.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in under.EnumerateObject())
        {
            writer.WritePropertyName(property.Name);
            Write(writer, property.Value, over.TryGetProperty(property.Name, out var replacement) ? replacement : null);
        }

        foreach (var property in over.EnumerateObject())
        {
            if (!under.TryGetProperty(property.Name, out _))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}

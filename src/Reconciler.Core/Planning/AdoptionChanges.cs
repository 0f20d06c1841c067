using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;
using Reconciler.Core.Json;
using Reconciler.Core.Loading;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The field changes of an <c>adopt</c>: every field of the body, shown as added. Worked out from the body
/// each time they are read and never kept, because a first plan of a large repository adopts every task, and
/// holding a copy of every body split into fields doubled the memory of such a plan.
/// </summary>
/// <remarks>
/// What <c>JsonDiff.Compare({}, body)</c> gives (keys in ordinal order, a non-empty object by its fields, every other
/// value whole, written as <see cref="CanonicalJson.Serialize"/> writes it), read straight from the body's UTF-8
/// instead of through a node tree: a first plan renders (and groups) every body of the repository this way.
/// <c>AdoptionChangesTests</c> compares the two on generated and hostile bodies.
/// </remarks>
internal sealed class AdoptionChanges(CanonicalBody body) : IReadOnlyList<FieldChange>
{
    public int Count => Compute().Count;

    public FieldChange this[int index] => Compute()[index];

    public IEnumerator<FieldChange> GetEnumerator() => Compute().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<FieldChange> Compute()
    {
        using var document = JsonDocument.Parse(body.Utf8Memory);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [.. JsonDiff.Compare(new System.Text.Json.Nodes.JsonObject(), body.ToNode())];
        }

        var changes = new List<FieldChange>();
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CanonicalJson.Compact.Encoder });
        Added("", document.RootElement, changes, buffer, writer);
        return changes;
    }

    private static void Added(string pointer, JsonElement value, List<FieldChange> changes, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        var properties = value.EnumerateObject().ToList();
        properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var property in properties)
        {
            var child = JsonPointers.Append(pointer, property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                Added(child, property.Value, changes, buffer, writer);
                continue;
            }

            buffer.Clear();
            writer.Reset(buffer);
            property.Value.WriteTo(writer);
            writer.Flush();
            changes.Add(new FieldChange(child, null, Encoding.UTF8.GetString(buffer.WrittenSpan)));
        }
    }
}

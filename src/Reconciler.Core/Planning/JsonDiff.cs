using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Planning;

/// <summary>
/// Field-level differences between two canonical bodies. Objects are compared key by key; arrays of
/// equal length element by element; arrays whose length changed are shown whole, which reads better
/// than a cascade of shifted elements.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<FieldChange> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Walk("", before, after, changes);
        return changes;
    }

    /// <summary>Paths of object fields present in <paramref name="before"/> and absent from <paramref name="after"/> (not inside arrays).</summary>
    public static IReadOnlyList<string> OmittedFields(JsonNode? before, JsonNode? after)
    {
        var omitted = new List<string>();
        CollectOmitted("", before as JsonObject, after as JsonObject, omitted);
        return omitted;
    }

    private static void Walk(string pointer, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var child = JsonPointers.Append(pointer, key);
                    var (inA, inB) = (a.ContainsKey(key), b.ContainsKey(key));
                    if (inA && inB)
                    {
                        Walk(child, a[key], b[key], changes);
                    }
                    else if ((inA ? a[key] : b[key]) is JsonObject { Count: > 0 } whole)
                    {
                        // A whole object added or removed reads better as its fields.
                        Walk(child, inA ? whole : new JsonObject(), inA ? new JsonObject() : whole, changes);
                    }
                    else
                    {
                        changes.Add(new FieldChange(child, inA ? Text(a[key]) : null, inB ? Text(b[key]) : null));
                    }
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(JsonPointers.Append(pointer, i), a[i], b[i], changes);
                }

                break;
            default:
                var (textBefore, textAfter) = (Text(before), Text(after));
                if (textBefore != textAfter)
                {
                    changes.Add(new FieldChange(pointer, textBefore, textAfter));
                }

                break;
        }
    }

    private static void CollectOmitted(string pointer, JsonObject? before, JsonObject? after, List<string> omitted)
    {
        if (before is null || after is null)
        {
            return;
        }

        foreach (var (key, value) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var child = JsonPointers.Append(pointer, key);
            if (!after.ContainsKey(key))
            {
                omitted.Add(child);
            }
            else
            {
                CollectOmitted(child, value as JsonObject, after[key] as JsonObject, omitted);
            }
        }
    }

    private static string Text(JsonNode? node) => CanonicalJson.Serialize(node);
}

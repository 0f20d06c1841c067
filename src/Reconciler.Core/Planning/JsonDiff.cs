using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Planning;

/// <summary>
/// Field-level differences between two canonical bodies. Objects are compared key by key; arrays of
/// equal length element by element; an array whose length changed is one change holding both arrays whole
/// (as the JSON plan has always shown it), with its element-level changes in <see cref="FieldChange.Elements"/>:
/// elements matched by a longest common subsequence, so inserting a line shows one added line, not a cascade
/// of shifted ones.
/// </summary>
internal static class JsonDiff
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
            case (JsonArray a, JsonArray b):
                changes.Add(new FieldChange(pointer, Text(a), Text(b)) { Elements = ArrayElements(pointer, a, b) });
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

    /// <summary>Longest arrays compared element by element; beyond this the change stays whole (the table would be large).</summary>
    private const int MaxElements = 1000;

    private static List<FieldChange> ArrayElements(string pointer, JsonArray a, JsonArray b)
    {
        if (a.Count > MaxElements || b.Count > MaxElements)
        {
            return [];
        }

        var (before, after) = (a.Select(Text).ToArray(), b.Select(Text).ToArray());

        // lengths[i, j]: the longest common subsequence of before[i..] and after[j..].
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var changes = new List<FieldChange>();
        var removed = new List<int>();
        var added = new List<int>();
        void Flush()
        {
            // Between two kept elements: an added element that shares fields with a removed one is that element
            // modified (shown field by field); the most alike pair first. The rest are plain removals and additions.
            var pairs = new List<(int Removed, int Added)>();
            foreach (var j in added)
            {
                var best = removed.Where(i => pairs.All(p => p.Removed != i)).Select(i => (Index: i, Score: Alike(a[i], b[j]))).Where(c => c.Score > 0)
                    .OrderByDescending(c => c.Score).ThenBy(c => c.Index).Select(c => (int?)c.Index).FirstOrDefault();
                if (best is { } i)
                {
                    pairs.Add((i, j));
                }
            }

            changes.AddRange(removed.Where(i => pairs.All(p => p.Removed != i)).Select(i => new FieldChange(JsonPointers.Append(pointer, i), before[i], null)));
            foreach (var j in added)
            {
                var pair = pairs.FindIndex(p => p.Added == j);
                if (pair >= 0)
                {
                    Walk(JsonPointers.Append(pointer, j), a[pairs[pair].Removed], b[j], changes);
                }
                else
                {
                    changes.Add(new FieldChange(JsonPointers.Append(pointer, j), null, after[j]));
                }
            }

            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                Flush();
                x++;
                y++;
            }
            else if (y >= after.Length || (x < before.Length && lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                removed.Add(x++);
            }
            else
            {
                added.Add(y++);
            }
        }

        Flush();
        return changes;
    }

    /// <summary>How many fields two objects share with equal values (0 for anything but two objects).</summary>
    private static int Alike(JsonNode? x, JsonNode? y) =>
        x is JsonObject a && y is JsonObject b ? a.Count(p => b.TryGetPropertyValue(p.Key, out var other) && Text(p.Value) == Text(other)) : 0;

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

using System.Text.Json;

namespace Reconciler.Core.Validation;

/// <summary>
/// "Did you mean" for an unknown field: the closest field the schema knows at that place, when it is close
/// enough to be a typo (<c>maximumcal</c> → <c>maximumcall</c>, <c>Pop_Mode</c> → <c>pop_mode</c>). Fields that
/// are refused in this flavour (<c>not</c> schemas) are never suggested.
/// </summary>
internal static class FieldNameHint
{
    public static string? Suggest(string unknown, JsonElement objectSchema)
    {
        if (objectSchema.ValueKind != JsonValueKind.Object || !objectSchema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var known = properties.EnumerateObject().Where(p => !IsRefused(p.Value)).Select(p => p.Name).ToList();
        var best = known
            .Select(name => (Name: name, Distance: Distance(unknown.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var allowed = unknown.Length <= 4 ? 1 : unknown.Length <= 8 ? 2 : 3;
        return best.Name is not null && best.Distance <= allowed ? best.Name : null;
    }

    private static bool IsRefused(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
        && SchemaMessages.WordedNots.Any(n => reference.GetString()?.EndsWith("/" + n, StringComparison.Ordinal) == true);

    /// <summary>Levenshtein distance, with an adjacent swap counting as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

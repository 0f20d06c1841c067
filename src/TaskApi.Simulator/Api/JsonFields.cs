using System.Globalization;
using System.Text.Json;

namespace TaskApi.Simulator.Api;

/// <summary>Lenient readers over <see cref="JsonElement"/>: numbers are read from their text, never through double.</summary>
internal static class JsonFields
{
    /// <summary>The property when present and not JSON null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An integer written as a JSON number, or as a string of digits (no sign, no spaces), within 64 bits: the document shows both.</summary>
    public static bool TryGetInteger(JsonElement value, out long result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out result),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    /// <summary>true, 1 or "true"/"1" (PHP-style booleans).</summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.TryGetInt64(out var n) && n != 0,
        JsonValueKind.String => value.GetString() is "1" or "true",
        _ => false,
    };

    public static bool IsNonEmptyString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    public static string? GetString(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

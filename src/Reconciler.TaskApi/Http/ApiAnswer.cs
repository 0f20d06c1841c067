using System.Globalization;
using System.Text.Json;

namespace Reconciler.TaskApi.Http;

/// <summary>The platform's envelope <c>{"code","status","message","data"}</c>, read leniently.</summary>
internal sealed record ApiAnswer(int? Code, string? Message, JsonElement Data)
{
    /// <summary>Null when the text is not a JSON object (an HTML error page, an empty body).</summary>
    public static ApiAnswer? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var code = root.TryGetProperty("code", out var c) ? ReadInt(c) : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            return new ApiAnswer(code, message, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A number or a digit string (PHP backends send either).</summary>
    public static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Fast;

/// <summary>
/// Reading instance values the way JsonSchema.Net 8 does (with our exact keywords, <see cref="Keywords.ExactDialect"/>),
/// so that the fast check never disagrees with it: numbers compare exactly (<see cref="ExactNumber"/>), string lengths
/// count text elements (its minLength), and a number is an integer when its text has no fraction or exponent.
/// </summary>
internal static class JsonInstance
{
    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>The number's exact value, read from its text (never through decimal or double).</summary>
    public static ExactNumber Number(JsonNode node) => ExactNumber.Of((JsonValue)node);

    /// <summary>True for a number written without fraction or exponent (an integer under every reading).</summary>
    public static bool IsIntegerText(JsonNode node)
    {
        if (node is JsonValue v && v.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out _))
        {
            return true;
        }

        var text = node.ToJsonString();
        var start = text.StartsWith('-') ? 1 : 0;
        return text.Length > start && text.AsSpan(start).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    public static string Text(JsonNode node) => node.GetValue<string>();

    /// <summary>Length in text elements, as JsonSchema.Net's minLength/maxLength count it.</summary>
    public static int TextLength(string text) =>
        text.AsSpan().IndexOfAnyExceptInRange((char)0x20, (char)0x7E) < 0 ? text.Length : new StringInfo(text).LengthInTextElements;

    /// <summary>JSON equality as JSON Schema defines it, numbers by exact value (as <see cref="JsonEquivalence"/> on elements).</summary>
    public static bool Equivalent(JsonNode? a, JsonNode? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
        {
            // Json.More compares kinds first; True and False are different kinds.
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                var (x, y) = ((JsonObject)a!, (JsonObject)b!);
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var (name, value) in x)
                {
                    if (!y.TryGetPropertyValue(name, out var other))
                    {
                        return false;
                    }

                    if (!Equivalent(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var (p, q) = ((JsonArray)a!, (JsonArray)b!);
                if (p.Count != q.Count)
                {
                    return false;
                }

                for (var i = 0; i < p.Count; i++)
                {
                    if (!Equivalent(p[i], q[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                return string.Equals(Text(a!), Text(b!), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return Number(a!) == Number(b!);
            default:
                return true;
        }
    }
}

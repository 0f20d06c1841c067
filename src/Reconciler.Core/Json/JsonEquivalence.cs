using System.Text.Json;

namespace Reconciler.Core.Json;

/// <summary>
/// JSON equality as JSON Schema defines it (<c>enum</c>, <c>const</c>, <c>uniqueItems</c>): same kind, strings by
/// code units, objects by their members in any order, arrays item by item, numbers by value — exactly
/// (<see cref="ExactNumber"/>), so <c>1.0</c> equals <c>1</c>, and <c>1e400</c> or <c>1e-400</c> neither throw nor round.
/// </summary>
internal static class JsonEquivalence
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !Equal(property.Value, other))
                    {
                        return false;
                    }
                }

                return count == b.EnumerateObject().Count();
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Equal(p.First, p.Second));
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                return ExactNumber.Of(a) == ExactNumber.Of(b);
            default:
                return true;
        }
    }
}

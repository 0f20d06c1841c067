using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Fast;

/// <summary>
/// Reading instance values the way JsonSchema.Net 8 does (with our exact keywords, <see cref="Keywords.ExactDialect"/>),
/// so that the fast check never disagrees with it: numbers compare exactly (<see cref="ExactNumber"/>), string lengths
/// count text elements (its minLength), and a number is an integer when its text has no fraction or exponent.
/// </summary>
/// <remarks>
/// Over <see cref="JsonElement"/> (one read-only document per manifest, no per-object dictionaries), reading the
/// UTF-8 text in place where it can: a plain ASCII string's length is its byte count, and a property name is looked
/// up without becoming a string.
/// </remarks>
internal static class JsonInstance
{
    /// <summary>Names up to this many UTF-16 units are decoded on the stack for a lookup.</summary>
    private const int StackNameLength = 128;

    /// <summary>The number's exact value, read from its text (never through decimal or double).</summary>
    public static ExactNumber Number(JsonElement number) => ExactNumber.Of(number);

    /// <summary>
    /// The order of a number against a schema's number (its exact value and its element). Two plain integer literals
    /// within 64 bits (nearly every case) compare as longs, which is exact for them; anything else as exact numbers.
    /// </summary>
    public static int Compare(JsonElement number, ExactNumber limit, JsonElement limitValue) =>
        IsIntegerText(number) && IsIntegerText(limitValue) && number.TryGetInt64(out var value) && limitValue.TryGetInt64(out var bound)
            ? value.CompareTo(bound)
            : Number(number).CompareTo(limit);

    /// <summary>Whether the regex matches a string element; a short unescaped string is decoded on the stack, not made a string.</summary>
    public static bool IsMatch(System.Text.RegularExpressions.Regex regex, JsonElement text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(text);
        var inner = raw.Length >= 2 ? raw[1..^1] : raw;
        if (inner.Length <= StackNameLength && inner.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[StackNameLength];
            var length = Encoding.UTF8.GetChars(inner, chars);
            return regex.IsMatch(chars[..length]);
        }

        return regex.IsMatch(text.GetString()!);
    }

    /// <summary>True for a number written without fraction or exponent (an integer under every reading).</summary>
    public static bool IsIntegerText(JsonElement number)
    {
        var text = JsonMarshal.GetRawUtf8Value(number);
        var start = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0;
        return text.Length > start && text[start..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }

    /// <summary>Length in text elements, as JsonSchema.Net's minLength/maxLength count it.</summary>
    public static int TextLength(JsonElement text)
    {
        // The raw value is the quoted string as written: without escapes and all printable ASCII, one byte is one text element.
        var raw = JsonMarshal.GetRawUtf8Value(text);
        var inner = raw.Length >= 2 ? raw[1..^1] : raw;
        return inner.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && inner.IndexOf((byte)'\\') < 0
            ? inner.Length
            : TextLength(text.GetString()!);
    }

    /// <summary>Length in text elements, as JsonSchema.Net's minLength/maxLength count it.</summary>
    public static int TextLength(string text) =>
        text.AsSpan().IndexOfAnyExceptInRange((char)0x20, (char)0x7E) < 0 ? text.Length : new StringInfo(text).LengthInTextElements;

    /// <summary>Looks a property's check up by its name, without making the name a string when it is short and unescaped.</summary>
    public static bool TryGetByName<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup, JsonProperty property, out T value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= StackNameLength && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> name = stackalloc char[StackNameLength];
            var length = Encoding.UTF8.GetChars(raw, name);
            return lookup.TryGetValue(name[..length], out value!);
        }

        return lookup.Dictionary.TryGetValue(property.Name, out value!);
    }

    /// <summary>JSON equality as JSON Schema defines it, numbers by exact value (as <see cref="JsonEquivalence"/> on elements).</summary>
    public static bool Equivalent(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            // Json.More compares kinds first; True and False are different kinds.
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                if (a.GetPropertyCount() != b.GetPropertyCount())
                {
                    return false;
                }

                foreach (var property in a.EnumerateObject())
                {
                    if (!b.TryGetProperty(property.Name, out var other) || !Equivalent(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var p = a.EnumerateArray())
                using (var q = b.EnumerateArray())
                {
                    while (p.MoveNext() && q.MoveNext())
                    {
                        if (!Equivalent(p.Current, q.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return Number(a) == Number(b);
            default:
                return true;
        }
    }
}

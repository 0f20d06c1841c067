using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation;

/// <summary>
/// Reading a value the document types as an integer (<c>int</c>), the way the platform will receive it: the
/// canonical body carries the number's text as written, so only plain digits within the 64-bit range are
/// accepted. <c>4.0</c>, <c>1e1</c>, <c>4e0</c>, <c>1e400</c> and 400-digit integers are refused with a
/// diagnostic here, by <see cref="Rules.IntegerRule"/> and by every rule that needs the value, with the same
/// diagnostic (so it is shown once): no rule skips a value it cannot read.
/// </summary>
/// <remarks>
/// The 64-bit bound is ours: the document states no range, and its largest id (215870475195883520) is below
/// 2^63. Ids written as strings of digits get the same bound.
/// </remarks>
internal static class IntegerValues
{
    public const string FormCode = "integer-form";
    public const string RangeCode = "integer-range";
    public const string TypeCode = "integer-type";

    /// <summary>The value when <paramref name="node"/> is a plain integer literal within 64 bits.</summary>
    public static bool TryRead(JsonElement? node, out long value)
    {
        value = 0;
        return node is { ValueKind: JsonValueKind.Number } number && IsPlainLiteral(JsonMarshal.GetRawUtf8Value(number)) && number.TryGetInt64(out value);
    }

    /// <summary>
    /// True when <paramref name="node"/> is a number written as plain digits within 64 bits, so that
    /// <see cref="NumberProblem"/> has nothing to say; read in place, without writing the number out.
    /// </summary>
    internal static bool IsPlainInt64(JsonElement node) => TryRead(node, out _);

    /// <summary>
    /// False when <paramref name="node"/> certainly gives <see cref="DigitStringProblem"/> nothing to say (not a
    /// string, not all digits, or digits within 64 bits); read in place.
    /// </summary>
    internal static bool MayBeDigitStringProblem(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(node);
        var content = raw.Length >= 2 ? raw[1..^1] : raw;
        if (content.Contains((byte)'\\'))
        {
            return true; // escaped: let the full check read it
        }

        return content.Length > 0 && content.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && !long.TryParse(content, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>The number's JSON text as written (a parsed node's own text, not written out again).</summary>
    internal static string NumberText(JsonValue json) =>
        json.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : json.ToJsonString();

    /// <summary>
    /// Reads an integer a rule needs. Absent or null: no value and no problem (required fields are the schema's
    /// job). Anything else that is not a plain 64-bit integer: no value, and the diagnostic saying why.
    /// </summary>
    public static long? Read(ManifestDocument document, string pointer, out Diagnostic? problem)
    {
        var node = document.Find(pointer);
        problem = null;
        if (node is null)
        {
            return null;
        }

        if (TryRead(node, out var value))
        {
            return value;
        }

        problem = NumberProblem(document, pointer, node) ?? document.Error(TypeCode, $"{Field(pointer)} must be an integer, not {Kind(node.Value)}", pointer);
        return null;
    }

    /// <summary>The problem with a number written where an integer belongs, or null when it is a plain 64-bit integer (or not a number).</summary>
    public static Diagnostic? NumberProblem(ManifestDocument document, string pointer, JsonElement? node)
    {
        if (node is not { ValueKind: JsonValueKind.Number } number)
        {
            return null;
        }

        var text = number.GetRawText();
        if (IsPlainLiteral(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : Range(document, pointer, text);
        }

        return Classify(text) switch
        {
            (true, { } integer) when integer >= long.MinValue && integer <= long.MaxValue => document.Error(
                FormCode,
                $"{Field(pointer)} is written {Shorten(text)}: write the integer as plain digits, {integer.ToString(CultureInfo.InvariantCulture)} (the value is sent exactly as written, and the document types it as an integer)",
                pointer),
            (true, _) => Range(document, pointer, text),
            _ => document.Error(FormCode, $"{Field(pointer)} must be an integer (plain digits), not {Shorten(text)}", pointer),
        };
    }

    /// <summary>The problem with a string of digits standing for an integer id, or null when it fits in 64 bits.</summary>
    public static Diagnostic? DigitStringProblem(ManifestDocument document, string pointer, JsonElement? node) =>
        node is { ValueKind: JsonValueKind.String } json && json.GetString() is { } text && text.Length > 0 && text.All(char.IsAsciiDigit)
            && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? Range(document, pointer, text)
            : null;

    private static Diagnostic Range(ManifestDocument document, string pointer, string text) => document.Error(
        RangeCode,
        $"{Field(pointer)} {Shorten(text)} is outside the 64-bit integer range (-9223372036854775808 to 9223372036854775807) that this tool accepts; the API document shows no larger value",
        pointer);

    private static bool IsPlainLiteral(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && (digits.Length == 1 || digits[0] != '0') && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsPlainLiteral(ReadOnlySpan<byte> text)
    {
        var digits = text.Length > 0 && text[0] == (byte)'-' ? text[1..] : text;
        return digits.Length > 0 && (digits.Length == 1 || digits[0] != (byte)'0') && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    /// <summary>Whether a JSON number literal is a whole number, and which (null when far beyond 64 bits), without ever building a huge value.</summary>
    private static (bool IsInteger, BigInteger? Value) Classify(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var e = body.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? body : body[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = ((dot < 0 ? mantissa : mantissa[..dot]) + fraction).TrimStart('0');
        if (digits.Length == 0)
        {
            return (true, BigInteger.Zero);
        }

        var exponentText = e < 0 ? "0" : body[(e + 1)..];
        if (!long.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 1_000_000)
        {
            return (!exponentText.StartsWith('-'), null);
        }

        exponent -= fraction.Length;
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        if (exponent < 0)
        {
            return (false, null);
        }

        if (trimmed.Length + exponent > 20)
        {
            return (true, null);
        }

        var value = BigInteger.Parse(trimmed, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)exponent);
        return (true, negative ? -value : value);
    }

    private static string Field(string pointer) => pointer.TrimStart('/').Replace('/', '.');

    private static string Kind(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "that value",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..20]}…({text.Length} characters)";
}

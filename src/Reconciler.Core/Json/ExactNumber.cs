using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;

namespace Reconciler.Core.Json;

/// <summary>
/// A JSON number read exactly from its text, whatever its size: <c>1e400</c>, <c>1e-400</c> and a 400-digit integer
/// compare as the numbers they are, never through <see cref="decimal"/> (which throws beyond ±7.9e28 and rounds
/// <c>1e-400</c> to 0) or <see cref="double"/> (which rounds past 2^53). Schema checks of enums, consts, bounds and
/// duplicates use it, so no number a manifest can hold makes them throw or answer wrongly.
/// </summary>
/// <remarks>The value is <c>(-1)^negative × 0.digits × 10^exponent</c>, with no leading or trailing zero digits (zero: no digits).</remarks>
internal readonly struct ExactNumber : IEquatable<ExactNumber>, IComparable<ExactNumber>
{
    private readonly bool _negative;
    private readonly string _digits;
    private readonly BigInteger _exponent;

    private ExactNumber(bool negative, string digits, BigInteger exponent)
    {
        _negative = negative && digits.Length > 0;
        _digits = digits;
        _exponent = digits.Length > 0 ? exponent : BigInteger.Zero;
    }

    private string Digits => _digits ?? "";

    /// <summary>Reads a JSON number literal (as JSON writes it: <c>-?int(.frac)?([eE][+-]?digits)?</c>).</summary>
    /// <exception cref="FormatException">The text is not a JSON number.</exception>
    public static ExactNumber Parse(ReadOnlySpan<byte> text)
    {
        var at = 0;
        var negative = at < text.Length && text[at] == (byte)'-';
        if (negative)
        {
            at++;
        }

        var integerStart = at;
        while (at < text.Length && IsDigit(text[at]))
        {
            at++;
        }

        var integer = text[integerStart..at];
        var fraction = ReadOnlySpan<byte>.Empty;
        if (at < text.Length && text[at] == (byte)'.')
        {
            var fractionStart = ++at;
            while (at < text.Length && IsDigit(text[at]))
            {
                at++;
            }

            fraction = text[fractionStart..at];
        }

        var exponent = BigInteger.Zero;
        if (at < text.Length && text[at] is (byte)'e' or (byte)'E')
        {
            at++;
            var exponentNegative = at < text.Length && text[at] == (byte)'-';
            if (at < text.Length && text[at] is (byte)'-' or (byte)'+')
            {
                at++;
            }

            var exponentStart = at;
            while (at < text.Length && IsDigit(text[at]))
            {
                at++;
            }

            if (at == exponentStart)
            {
                throw new FormatException("a number's exponent has no digits");
            }

            exponent = BigInteger.Parse(System.Text.Encoding.ASCII.GetString(text[exponentStart..at]), System.Globalization.CultureInfo.InvariantCulture);
            exponent = exponentNegative ? -exponent : exponent;
        }

        if (integer.Length == 0 || at != text.Length)
        {
            throw new FormatException("not a JSON number");
        }

        // All significant digits in one run: value = 0.run × 10^(exponent + integer digits), leading zeros moved into the exponent.
        var all = System.Text.Encoding.ASCII.GetString(integer) + System.Text.Encoding.ASCII.GetString(fraction);
        var pointAt = exponent + integer.Length;
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return new ExactNumber(negative, digits, pointAt - leading);
    }

    /// <summary>The number of a JSON number element, read from its raw text.</summary>
    public static ExactNumber Of(JsonElement number) => Parse(JsonMarshal.GetRawUtf8Value(number));

    /// <summary>The number of a JSON number node, read from its text as written.</summary>
    public static ExactNumber Of(JsonValue number) =>
        number.TryGetValue<JsonElement>(out var element) ? Of(element) : Parse(System.Text.Encoding.UTF8.GetBytes(number.ToJsonString()));

    /// <summary>Whether the number has no fractional part (<c>4.0</c>, <c>1e400</c> do; <c>1e-400</c> does not).</summary>
    public bool IsInteger => Digits.Length == 0 || _exponent >= Digits.Length;

    public bool Equals(ExactNumber other) =>
        _negative == other._negative && _exponent == other._exponent && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ExactNumber other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_negative, Digits, _exponent);

    public int CompareTo(ExactNumber other)
    {
        var sign = Sign;
        if (sign != other.Sign)
        {
            return sign.CompareTo(other.Sign);
        }

        if (sign == 0)
        {
            return 0;
        }

        var magnitude = _exponent != other._exponent
            ? _exponent.CompareTo(other._exponent)
            : string.CompareOrdinal(Digits, other.Digits); // same exponent: digit strings compare as fractions 0.ddd
        return sign * Math.Sign(magnitude);
    }

    public override string ToString() =>
        Digits.Length == 0 ? "0" : $"{(_negative ? "-" : "")}0.{Digits}e{_exponent}";

    private int Sign => Digits.Length == 0 ? 0 : _negative ? -1 : 1;

    public static bool operator ==(ExactNumber left, ExactNumber right) => left.Equals(right);

    public static bool operator !=(ExactNumber left, ExactNumber right) => !left.Equals(right);

    public static bool operator <(ExactNumber left, ExactNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(ExactNumber left, ExactNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExactNumber left, ExactNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExactNumber left, ExactNumber right) => left.CompareTo(right) >= 0;

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}

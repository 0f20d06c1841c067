using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Core.Loading;

/// <summary>
/// Gives a YAML scalar its JSON type using the YAML 1.2 core schema: only plain, untagged scalars are
/// typed (so <c>"123"</c> stays a string and <c>09:00</c> is a string, not sexagesimal 540), and numbers
/// keep their digits — <c>215870475195883520</c> is never rounded through <c>double</c>.
/// </summary>
internal static partial class ScalarResolver
{
    /// <summary>Exponents up to ±999,999,999: far beyond any field, and cheap to compare exactly.</summary>
    private const int MaxExponentDigits = 9;

    public static YamlScalarNode Resolve(Scalar scalar)
    {
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        var value = scalar.Value;
        if (!scalar.Tag.IsEmpty && scalar.Tag.IsNonSpecific)
        {
            // The non-specific tag '!' (`! 0`): YAML 1.2 resolves such a scalar to a string, whatever it looks like.
            return new YamlScalarNode(line, column, ScalarKind.String, value);
        }

        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is null)
        {
            return scalar.Style == ScalarStyle.Plain
                ? ResolvePlain(value, line, column)
                : new YamlScalarNode(line, column, ScalarKind.String, value);
        }

        return tag switch
        {
            "tag:yaml.org,2002:str" => new YamlScalarNode(line, column, ScalarKind.String, value),
            "tag:yaml.org,2002:null" => new YamlScalarNode(line, column, ScalarKind.Null, "null"),
            "tag:yaml.org,2002:bool" when ResolvePlain(value, line, column) is { Kind: ScalarKind.Boolean } b => b,
            "tag:yaml.org,2002:int" when ResolvePlain(value, line, column) is { Kind: ScalarKind.Number } n && IsInteger(value) => n,
            "tag:yaml.org,2002:float" when ResolvePlain(value, line, column) is { Kind: ScalarKind.Number } n => n,
            _ => throw new LoaderException("yaml-unsupported", $"unsupported or mismatched YAML tag '{tag}' on value '{Shorten(value)}'", line, column),
        };
    }

    /// <summary>Types a plain, untagged scalar; a value JSON cannot hold (.inf, .nan) is refused with its position.</summary>
    internal static YamlScalarNode ResolvePlain(string value, int line, int column)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new YamlScalarNode(line, column, ScalarKind.Null, "null");
            case "true" or "True" or "TRUE":
                return new YamlScalarNode(line, column, ScalarKind.Boolean, "true");
            case "false" or "False" or "FALSE":
                return new YamlScalarNode(line, column, ScalarKind.Boolean, "false");
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                throw new LoaderException("yaml-unsupported", $"'{value}' cannot be represented in JSON; quote it if you mean text", line, column);
        }

        if (DecimalInteger().IsMatch(value))
        {
            return Number(NormalizeInteger(value), line, column);
        }

        if (OctalInteger().IsMatch(value))
        {
            return Number(ParseBase(value[2..], 8).ToString(CultureInfo.InvariantCulture), line, column);
        }

        if (HexInteger().IsMatch(value))
        {
            return Number(BigInteger.Parse("0" + value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), line, column);
        }

        if (Float().IsMatch(value))
        {
            var e = value.IndexOfAny(['e', 'E']);
            if (e >= 0 && value.AsSpan(e + 1).TrimStart("+-").TrimStart('0').Length > MaxExponentDigits)
            {
                // Exact comparison reads the exponent as a whole number; one of a million digits would take seconds.
                throw new LoaderException("yaml-number-range", $"number '{Shorten(value)}' has an exponent of more than {MaxExponentDigits} digits; no field takes such a number (quote it if you mean text)", line, column);
            }

            return Number(NormalizeFloat(value), line, column);
        }

        return new YamlScalarNode(line, column, ScalarKind.String, value);
    }

    private static bool IsInteger(string value) => DecimalInteger().IsMatch(value) || OctalInteger().IsMatch(value) || HexInteger().IsMatch(value);

    private static YamlScalarNode Number(string json, int line, int column) => new(line, column, ScalarKind.Number, json);

    /// <summary>JSON forbids a leading '+' and leading zeros; the digits themselves are kept.</summary>
    private static string NormalizeInteger(string value)
    {
        var negative = value.StartsWith('-');
        var digits = value.TrimStart('+', '-').TrimStart('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        return negative ? "-" + digits : digits;
    }

    private static string NormalizeFloat(string value)
    {
        var mantissaEnd = value.IndexOfAny(['e', 'E']);
        var mantissa = mantissaEnd < 0 ? value : value[..mantissaEnd];
        var exponent = mantissaEnd < 0 ? "" : value[mantissaEnd..];
        var negative = mantissa.StartsWith('-');
        mantissa = mantissa.TrimStart('+', '-');
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? null : mantissa[(dot + 1)..];
        integerPart = integerPart.TrimStart('0');
        if (integerPart.Length == 0)
        {
            integerPart = "0";
        }

        var text = fraction is null ? integerPart : integerPart + "." + (fraction.Length == 0 ? "0" : fraction);
        return (negative ? "-" : "") + text + exponent;
    }

    private static BigInteger ParseBase(string digits, int radix) =>
        digits.Aggregate(BigInteger.Zero, (acc, c) => (acc * radix) + (c - '0'));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}

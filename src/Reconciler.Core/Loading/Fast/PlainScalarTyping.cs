using System.Text.Json;

namespace Reconciler.Core.Loading.Fast;

/// <summary>
/// The YAML 1.2 core schema's typing of a plain scalar, on its UTF-8 bytes, for the two common answers;
/// everything else goes to <see cref="ScalarResolver"/>, so both loaders type alike by construction.
/// </summary>
/// <remarks>
/// <see cref="ScalarResolver.ResolvePlain"/> answers something other than a string only for the words of
/// null and the booleans (which start with <c>~ n N t T f F</c>) and for numbers and the refused
/// <c>.inf</c>/<c>.nan</c> (which start with <c>- + .</c> or a digit). Any other first character means a
/// string. A decimal integer is normalised as it does: no '+', no leading zeros, every digit kept.
/// </remarks>
internal static class PlainScalarTyping
{
    public static PlainScalarType Classify(ReadOnlySpan<byte> value)
    {
        switch (value[0])
        {
            case (byte)'~' or (byte)'n' or (byte)'N' or (byte)'t' or (byte)'T' or (byte)'f' or (byte)'F':
                return value.Length <= 5 ? PlainScalarType.Other : PlainScalarType.String;
            case (byte)'-' or (byte)'+' or (byte)'.' or (>= (byte)'0' and <= (byte)'9'):
                return IsDecimalInteger(value) ? PlainScalarType.Integer : PlainScalarType.Other;
            default:
                return PlainScalarType.String;
        }
    }

    /// <summary>Writes a decimal integer as JSON: without '+' or leading zeros (<c>-0</c> is <c>0</c>), digits kept.</summary>
    public static void WriteInteger(Utf8JsonWriter json, ReadOnlySpan<byte> value)
    {
        var negative = value[0] == (byte)'-';
        var digits = value[0] is (byte)'-' or (byte)'+' ? value[1..] : value;
        digits = digits.TrimStart((byte)'0');
        if (digits.Length == 0)
        {
            json.WriteRawValue("0"u8, skipInputValidation: true);
            return;
        }

        if (!negative)
        {
            json.WriteRawValue(digits, skipInputValidation: true);
            return;
        }

        Span<byte> text = digits.Length < 256 ? stackalloc byte[digits.Length + 1] : new byte[digits.Length + 1];
        text[0] = (byte)'-';
        digits.CopyTo(text[1..]);
        json.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary><c>^[-+]?[0-9]+$</c></summary>
    private static bool IsDecimalInteger(ReadOnlySpan<byte> value)
    {
        var digits = value[0] is (byte)'-' or (byte)'+' ? value[1..] : value;
        return digits.Length > 0 && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }
}

using System.Text;
using System.Text.Json;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// A CSV cell as the JSON value its column's schema asks for. Tried in this order, each only where the schema
/// allows it: an integer (plain digits, an optional '-', no leading zero: <c>30</c>; <c>007</c> is not one, so it
/// stays the text "007" where text is allowed), a number, <c>true</c>/<c>false</c>, a JSON list or object (a cell
/// starting with '[' or '{'), and otherwise the text exactly as written. A value the schema then refuses is
/// reported at the cell, like any value in a manifest.
/// </summary>
internal static class CsvCellTyping
{
    /// <returns>Null when written; else why the cell cannot be read (e.g. broken JSON), and nothing is written.</returns>
    public static string? Write(Utf8JsonWriter writer, string text, ValueKinds kinds)
    {
        if ((kinds & (ValueKinds.Integer | ValueKinds.Number)) != 0 && IsInteger(text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
            return null;
        }

        if (kinds.HasFlag(ValueKinds.Number) && IsNumber(text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
            return null;
        }

        if (kinds.HasFlag(ValueKinds.Boolean) && text is "true" or "false")
        {
            writer.WriteBooleanValue(text == "true");
            return null;
        }

        if ((kinds & (ValueKinds.Array | ValueKinds.Object)) != 0 && text.TrimStart() is ['[' or '{', ..])
        {
            try
            {
                using var parsed = JsonDocument.Parse(text);
                parsed.RootElement.WriteTo(writer);
                return null;
            }
            catch (JsonException e)
            {
                return $"this cell starts like a JSON {(text.TrimStart()[0] == '[' ? "list" : "object")} but is not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); write the whole value as JSON, e.g. [{{\"id\": \"…\", \"limit\": 2}}]";
            }
        }

        writer.WriteStringValue(text);
        return null;
    }

    /// <summary>Plain decimal digits, an optional leading '-', no leading zero (JSON's integer form).</summary>
    public static bool IsInteger(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9') && (digits.Length == 1 || digits[0] != '0');
    }

    private static bool IsNumber(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Globalization;
using System.Text;

namespace Reconciler.Core.Text;

/// <summary>
/// The one escaping of text that came from outside (task names, field values, file names, API messages)
/// before it is shown anywhere: a terminal, a CI log, a pull-request comment, a log line. Control characters
/// could clear the screen (ESC), ring the bell (BEL), overwrite a line (CR) or split one diagnostic into two
/// (LF); bidirectional overrides (U+202E …) could make text read differently from what it is. Each becomes a
/// visible escape: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1B</c> (C0, DEL and C1 controls), <c>\u202E</c>
/// (bidi controls, line and paragraph separators). Everything else, Chinese text included, is kept.
/// </summary>
/// <remarks>Escaping is idempotent (its output holds no character it escapes), so layers may each apply it.</remarks>
public static class ControlText
{
    /// <summary>The text with every control and bidi-control character made visible; the same instance when there is none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                output.Append(c);
                continue;
            }

            output.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            });
        }

        return output.ToString();
    }

    /// <summary>
    /// JSON text with the bidi controls that JSON writers leave raw written as <c>\uXXXX</c> escapes. Lossless: these
    /// characters can only occur inside JSON strings, where the escape means the same character.
    /// </summary>
    public static string EscapeJson(string json)
    {
        if (!json.Any(IsBidiOrSeparator))
        {
            return json;
        }

        var output = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (IsBidiOrSeparator(c))
            {
                output.Append(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}");
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    /// <summary>Whether the text holds anything <see cref="Escape"/> would change.</summary>
    public static bool NeedsEscaping(string? text) => text is not null && IndexOfUnsafe(text) >= 0;

    /// <summary>Whether <see cref="Escape"/> would escape this character.</summary>
    public static bool NeedsEscaping(char c) => IsUnsafe(c);

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F' || IsBidiOrSeparator(c);

    // ALM, LRM, RLM, the embeddings/overrides, the isolates, and the line/paragraph separators.
    private static bool IsBidiOrSeparator(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reconciler.Core.Text;

namespace Reconciler.Core.Importing;

/// <summary>
/// Text from outside (the platform's answer) made safe for a YAML file: strings as double-quoted scalars in which
/// every character that is not plainly printable is an escape, so a value can never end its line, open a second
/// document or a comment, or hide itself from a reviewer; comments as one escaped line.
/// </summary>
internal static partial class YamlText
{
    /// <summary>
    /// A YAML double-quoted scalar holding exactly <paramref name="text"/>: <c>"</c> and <c>\</c> escaped, C0/C1 controls
    /// and DEL as <c>\n</c>/<c>\xXX</c>, line and paragraph separators, bidi controls, the BOM and lone surrogates as
    /// <c>\uXXXX</c>. Chinese and other printable text stays as it is.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
                continue;
            }

            output.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or (>= '\u007F' and <= '\u009F') => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ when char.IsSurrogate(c) || c == '\uFEFF' || ControlText.NeedsEscaping(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return output.Append('"').ToString();
    }

    /// <summary>A mapping key: plain when it is a simple name no YAML reader could take for anything else, else quoted.</summary>
    public static string Key(string key) => PlainKey().IsMatch(key) && !Reserved.Contains(key) ? key : Quote(key);

    /// <summary>One comment line (<c># …</c> and its newline) whose text cannot end the comment: every control is escaped.</summary>
    public static string Comment(string text) => "# " + ControlText.Escape(text) + "\n";

    /// <summary>
    /// Names from outside for a comment: each escaped and cut at <paramref name="maxName"/> characters, at most
    /// <paramref name="maxCount"/> of them, then how many more.
    /// </summary>
    public static string List(IReadOnlyCollection<string> names, int maxCount = 30, int maxName = 60)
    {
        ArgumentNullException.ThrowIfNull(names);
        var shown = names.Take(maxCount).Select(n => Cut(ControlText.Escape(n), maxName));
        var rest = names.Count - maxCount;
        return string.Join(", ", shown) + (rest > 0 ? string.Create(CultureInfo.InvariantCulture, $", … and {rest} more") : "");
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    // Words YAML 1.1 readers take for booleans or null even as keys.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "null", "true", "false", "y", "n", "yes", "no", "on", "off" };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();
}

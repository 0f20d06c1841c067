namespace Reconciler.Core.Loading;

/// <summary>
/// Two places where YamlDotNet reads a literal block scalar (<c>|</c>) differently from YAML 1.2 and its test suite, put
/// right before (or while) it parses. Neither changes what any valid document means.
/// <list type="bullet">
/// <item>The end of the input ends the last line as a line break would (suite cases L24T/01, JEF9/02): YamlDotNet drops the
/// final line break a clip or keep chomping should keep. A line feed is appended when the text does not end in one.</item>
/// <item>Leading lines of only spaces, up to the indentation of the block's first line with content, are empty lines, and a
/// block with no such line takes its indentation from its longest line (JEF9/01): YamlDotNet refuses them ("found extra
/// spaces in first line") as soon as they hold more than one space past the parent. Such lines contribute a line break
/// and nothing else, so they are blanked and the file parsed again.</item>
/// </list>
/// </summary>
internal static class BlockScalarRepair
{
    /// <summary>YamlDotNet's message for the second case; only that error is repaired.</summary>
    public const string ExtraSpacesMessage = "found extra spaces in first line";

    /// <summary>Repairs per file: each one re-parses the file, so a hostile file cannot make it quadratic.</summary>
    public const int MaxRepairs = 16;

    public static string EndWithLineBreak(string text) =>
        text.Length == 0 || text[^1] is '\n' or '\r' ? text : text + "\n";

    /// <summary>
    /// The text with the leading space-only lines of the block scalar that ends before <paramref name="contentLine"/> (1-based)
    /// blanked, where doing so is exact; null when nothing may be changed (an explicit indentation indicator, lines deeper
    /// than the block's first content line, or no block scalar header found).
    /// </summary>
    /// <param name="contentColumn">1-based column of the first non-space character of <paramref name="contentLine"/>.</param>
    public static string? Repair(string text, int contentLine, int contentColumn, bool atEnd)
    {
        var lines = text.Split('\n');
        var first = Math.Min(contentLine - 1, lines.Length) - 1;
        var run = first;
        while (run >= 0 && IsSpaceOnly(lines[run]))
        {
            run--;
        }

        if (run < 0 || run == first || !IsLiteralHeaderWithoutIndentation(lines[run]))
        {
            return null;
        }

        var headerIndent = lines[run].Length - lines[run].TrimStart(' ').Length;
        var contentIndent = contentColumn - 1;
        var blockHasNoContent = atEnd || contentIndent <= headerIndent;
        var changed = false;
        for (var i = run + 1; i <= first; i++)
        {
            var spaces = lines[i].TrimEnd('\r').Length;
            if (spaces > 0 && (blockHasNoContent || spaces <= contentIndent))
            {
                lines[i] = lines[i].EndsWith('\r') ? "\r" : "";
                changed = true;
            }
        }

        return changed ? string.Join('\n', lines) : null;
    }

    private static bool IsSpaceOnly(string line) => line.TrimEnd('\r').AsSpan().IndexOfAnyExcept(' ') < 0;

    /// <summary><c>key: |</c>, <c>- |+</c>, <c>key: !!str |-</c>, a comment allowed after it; not <c>|2</c>, not a plain scalar ending in '|'.</summary>
    private static bool IsLiteralHeaderWithoutIndentation(string line)
    {
        var text = line.TrimEnd('\r');
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        text = (comment >= 0 ? text[..comment] : text).TrimEnd(' ');
        var bar = text.LastIndexOf('|');
        if (bar < 0 || text[(bar + 1)..] is not ("" or "+" or "-"))
        {
            return false;
        }

        var before = text[..bar].TrimEnd(' ');
        return bar == 0 || (text[bar - 1] == ' ' && (before.Length == 0 || before.EndsWith(':') || before.EndsWith('-') || before.Split(' ')[^1] is ['!' or '&', ..]));
    }
}

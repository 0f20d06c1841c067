using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Escaping for user-written text (task names, messages) placed into markdown and HTML. Control and bidi
/// characters are made visible first (<see cref="ControlText"/>): a comment must read as what it holds.
/// </summary>
internal static class MarkdownText
{
    public static string Cell(string? text) =>
        Html(text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string Html(string text) =>
        ControlText.Escape(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Code(string text)
    {
        text = ControlText.Escape(text);
        var fence = text.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var padding = fence.Length > 1 ? " " : "";
        return $"{fence}{padding}{text.Replace("\n", " ", StringComparison.Ordinal)}{padding}{fence}";
    }

    /// <summary>A code fence longer than any run of backticks inside, so user text cannot close it.</summary>
    public static string Fence(string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}

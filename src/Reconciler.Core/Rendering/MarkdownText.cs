using System.Text.RegularExpressions;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Escaping for user-written text (task names, messages, values, file names) placed into markdown and HTML. Control and
/// bidi characters are made visible first (<see cref="ControlText"/>): a comment must read as what it holds. What GitHub
/// would act on is neutralised too: <c>@user</c> and <c>@org/team</c> mentions (which notify people) and <c>#123</c>
/// references (which post a back-link on that issue) get a zero-width space after their sign, as Renovate does; and no
/// value can spell an HTML comment opener, so none can carry a plan comment's marker (<c>&lt;!-- task-reconciler:plan --&gt;</c>).
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>A zero-width space as an HTML entity: invisible, and it breaks a mention or a reference apart.</summary>
    private const string Break = "&#8203;";

    /// <summary>
    /// Text in a markdown table cell or list item: escaped as <see cref="Html"/>, its line breaks flattened, and every
    /// character markdown would act on backslash-escaped, so no value becomes a link, an image (a remote fetch when the
    /// comment is read), emphasis or code.
    /// </summary>
    public static string Cell(string? text) =>
        MarkdownSyntax().Replace(Html(text ?? ""), @"\$0").Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string Html(string text)
    {
        var escaped = ControlText.Escape(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

        // After the mentions are broken (their '#' test would split these entities): no link or image, in markdown or HTML.
        return Notifying().Replace(escaped, match => match.Value + Break)
            .Replace("[", "&#91;", StringComparison.Ordinal).Replace("]", "&#93;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Text (already escaped with <see cref="ControlText"/>) inside a code span or block: shown literally, so no entity helps;
    /// an invisible U+200B splits <c>&lt;!--</c>. GitHub does not read mentions inside code.
    /// </summary>
    public static string Literal(string text) => text.Replace("<!--", "<!\u200B--", StringComparison.Ordinal);

    public static string Code(string text)
    {
        text = Literal(ControlText.Escape(text));
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

    // The ASCII punctuation GitHub's markdown reads as syntax inline (links, images, emphasis, strikethrough, code, tables);
    // CommonMark lets any ASCII punctuation be backslash-escaped, so the reader sees the character itself.
    [GeneratedRegex(@"[\\`*_\[\]()!~|]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownSyntax();

    // Where GitHub would start a mention (@name, @org/team: '@' and a letter or digit) or an issue reference (#12).
    [GeneratedRegex("@(?=[A-Za-z0-9])|#(?=[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Notifying();
}

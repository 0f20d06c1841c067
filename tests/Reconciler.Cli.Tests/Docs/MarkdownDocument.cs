using System.Text.RegularExpressions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// A markdown file read the way GitHub shows it, as far as these tests need: fenced code blocks, headings and the
/// anchors GitHub makes of them, and the links in the text (not in code).
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, IReadOnlyList<string> lines)
    {
        Path = path;
        var inFence = false;
        var fence = "";
        var start = 0;
        var language = "";
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (FenceLine().Match(trimmed) is { Success: true } open && (!inFence || (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Length == open.Groups[1].Length)))
            {
                if (inFence)
                {
                    Blocks.Add(new CodeBlock(language, start + 1, lines.Skip(start).Take(i - start).Select(l => l.TrimStart()).ToList()));
                }
                else
                {
                    (fence, language, start) = (open.Groups[1].Value, open.Groups[2].Value, i + 1);
                }

                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (Heading().Match(lines[i]) is { Success: true } heading)
            {
                var text = heading.Groups[1].Value.Trim();
                Headings.Add(Plain(text));
                var slug = Slug(text);
                var seen = anchors.GetValueOrDefault(slug);
                Anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
                anchors[slug] = seen + 1;
            }

            foreach (Match link in LinkPattern().Matches(InlineCode().Replace(lines[i], "")))
            {
                Links.Add(new MarkdownLink(link.Groups[1].Value, i + 1));
            }
        }
    }

    public string Path { get; }

    public List<CodeBlock> Blocks { get; } = [];

    /// <summary>Heading texts without markup (backticks, emphasis).</summary>
    public List<string> Headings { get; } = [];

    /// <summary>The anchors GitHub gives the headings (<c>#run-as-a-service</c>), duplicates numbered.</summary>
    public List<string> Anchors { get; } = [];

    public List<MarkdownLink> Links { get; } = [];

    public static MarkdownDocument Read(string path) => new(path, File.ReadAllLines(path));

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped (letters of any script kept), spaces to hyphens.</summary>
    public static string Slug(string heading) =>
        NotInSlug().Replace(heading.ToLowerInvariant(), "").Replace(' ', '-');

    public static string Plain(string text) => text.Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^(`{3,}|~{3,})\s*([\w+-]*)")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{Nd}\p{Pc} -]")]
    private static partial Regex NotInSlug();
}

/// <summary>A fenced block: its language tag, the line of its first content line, and its lines (indentation removed).</summary>
internal sealed record CodeBlock(string Language, int FirstLine, IReadOnlyList<string> Lines);

/// <summary>A link target as written (<c>docs/service.md#systemd</c>) and its line.</summary>
internal sealed record MarkdownLink(string Target, int Line);

using System.Text.RegularExpressions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// A README section cited by name in prose, help text or a comment: <c>see the README, "…"</c>, <c>"…" in README.md</c>,
/// <c>the README's *…* section</c> (a name that starts with a capital letter; quotes may be escaped, as in C#).
/// </summary>
internal sealed partial record SectionCitation(string File, int Line, string Section)
{
    public static IEnumerable<SectionCitation> In(string relative, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var match in ReadmeThenName().Matches(lines[i]).Concat(NameThenReadme().Matches(lines[i])))
            {
                yield return new SectionCitation(relative, i + 1, match.Groups["name"].Value.Trim());
            }
        }
    }

    [GeneratedRegex(@"README(?:\.md)?(?:'s)?,?\s+\\?[""“*](?<name>[A-Z][^""“”*\\]{1,60})\\?[""”*]")]
    private static partial Regex ReadmeThenName();

    [GeneratedRegex(@"\\?[""“](?<name>[A-Z][^""“”\\]{1,60})\\?[""”]\s+(?:in|of)\s+(?:the\s+)?README(?:\.md)?")]
    private static partial Regex NameThenReadme();
}

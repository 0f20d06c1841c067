using System.Text.RegularExpressions;
using Reconciler.Testing;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// What the documentation points at exists: every relative link's file and <c>#anchor</c>, every README section cited by
/// name (in docs, help text, comments, units), every repository path named in help text and schema descriptions; and every
/// shell command in the docs is either run by <see cref="DocCommandTests"/> or skipped with a stated reason.
/// </summary>
public sealed partial class DocLinkTests(ITestOutputHelper output)
{
    /// <summary>
    /// README sections that other work is writing at the same time: a citation of one is reported, not failed, while the
    /// section is missing. None today ("Onboarding", cited by <c>import --help</c> and every imported file, has landed).
    /// </summary>
    private static readonly string[] Pending = [];

    [Fact]
    public void Links_PointAtFilesAndSectionsThatExist()
    {
        var broken = new List<string>();
        foreach (var file in DocFiles.AllMarkdown())
        {
            var document = DocFiles.Read(file);
            foreach (var link in document.Links.Where(l => !Regex.IsMatch(l.Target, "^(https?|mailto):", RegexOptions.None, TimeSpan.FromSeconds(1))))
            {
                var (path, anchor) = Split(link.Target);
                var target = path.Length == 0 ? RepositoryRoot.Combine(file) : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryRoot.Combine(file))!, Uri.UnescapeDataString(path)));
                if (!File.Exists(target) && !Directory.Exists(target))
                {
                    broken.Add($"{file}:{link.Line}: {link.Target}: no such file");
                }
                else if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !MarkdownDocument.Read(target).Anchors.Contains(anchor))
                {
                    broken.Add($"{file}:{link.Line}: {link.Target}: no heading with anchor #{anchor} in {Path.GetRelativePath(RepositoryRoot.Path, target)}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void SectionCitations_NameReadmeSectionsThatExist()
    {
        // A heading is cited whole or by its title before the colon ("Limiting the request rate" for "Limiting the request rate: `--max-rps N`").
        var headings = DocFiles.Read("README.md").Headings.Select(h => MarkdownDocument.Plain(h))
            .SelectMany(h => h.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? [h, h[..colon]] : new[] { h })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var citations = DocFiles.Citing().SelectMany(f => SectionCitation.In(f, File.ReadAllLines(RepositoryRoot.Combine(f)))).ToList();
        var broken = citations.Where(c => !headings.Contains(c.Section) && !Pending.Contains(c.Section, StringComparer.Ordinal)).ToList();
        foreach (var pending in citations.Where(c => !headings.Contains(c.Section) && Pending.Contains(c.Section, StringComparer.Ordinal)))
        {
            output.WriteLine($"pending (written by other work): {pending.File}:{pending.Line} cites README \"{pending.Section}\"");
        }

        Assert.NotEmpty(citations);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Select(c => $"{c.File}:{c.Line}: cites README \"{c.Section}\", which is not a heading of README.md")));
    }

    [Fact]
    public void RepositoryPaths_InHelpTextAndSchemaDescriptions_Exist()
    {
        var files = DocFiles.Citing().Where(f => (f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal)) || f.StartsWith("schemas/", StringComparison.Ordinal) || f.StartsWith("deploy/", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(RepositoryRoot.Combine(file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match path in RepositoryPath().Matches(lines[i]))
                {
                    var relative = path.Value.TrimEnd('.', ',', ')', ':', ';');
                    if (relative.Split('/').Any(part => part.StartsWith('.')))
                    {
                        continue; // generated, git-ignored output (bench/.out, bench/.work)
                    }

                    if (!File.Exists(RepositoryRoot.Combine(relative)) && !Directory.Exists(RepositoryRoot.Combine(relative)))
                    {
                        missing.Add($"{file}:{i + 1}: {relative}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "named but not in the repository:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryShellCommand_IsRunOrSkippedWithAReason()
    {
        var commands = DocFiles.WithCommands().SelectMany(f => DocCommand.In(DocFiles.Read(f), f)).ToList();
        var unclassified = commands.Where(c => DocCommandRules.For(c) is null).ToList();
        foreach (var command in commands)
        {
            var rule = DocCommandRules.For(command);
            output.WriteLine($"{command.Where}: {rule?.Action.ToString() ?? "UNCLASSIFIED"}{(rule?.Action == DocCommandAction.Skip ? $" ({rule.Why})" : "")}: {command.Text}");
        }

        Assert.Contains(commands, c => DocCommandRules.For(c)?.Action == DocCommandAction.Run);
        Assert.True(unclassified.Count == 0, "add a row to DocCommandRules (run it, or say why it cannot run here):\n" + string.Join("\n", unclassified.Select(c => $"{c.Where}: {c.Text}")));
        Assert.All(DocCommandRules.All.Where(r => r.Action == DocCommandAction.Skip), r => Assert.False(string.IsNullOrWhiteSpace(r.Why), r.Pattern));
    }

    [Theory]
    [InlineData("`reconciler status` and `reconciler sync`", "reconciler-status-and-reconciler-sync")]
    [InlineData("Run as a service: `reconciler run`", "run-as-a-service-reconciler-run")]
    [InlineData("Script configuration (`is_group_switch`, 话术配置类型, 新版 only)", "script-configuration-is_group_switch-话术配置类型-新版-only")]
    [InlineData("end_action values", "end_action-values")]
    public void Slug_IsGitHubsHeadingAnchor(string heading, string anchor) => Assert.Equal(anchor, MarkdownDocument.Slug(heading));

    private static (string Path, string? Anchor) Split(string target) =>
        target.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);

    // A path into the repository's top-level folders (docs/…, schemas/…), not a URL's path (…/github.com/x/docs/…).
    [GeneratedRegex(@"(?<![\w/.-])(?:docs|schemas|deploy|sample-repo|bench)/[\w./-]*[\w/]")]
    private static partial Regex RepositoryPath();
}

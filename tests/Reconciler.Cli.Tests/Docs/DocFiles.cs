using Reconciler.Testing;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>The repository's documentation, and the files that cite it, as these tests read them (from the checkout).</summary>
internal static class DocFiles
{
    private static readonly string[] Ignored = ["bin", "obj", "node_modules", "TestResults", ".git", "testdata", ".work", ".out"];
    private static readonly string[] ReadmesWithCommands = ["README.md", "sample-repo/README.md"];
    private static readonly string[] MarkdownFolders = ["docs", "sample-repo", "schemas", "src", "bench", "deploy"];
    private static readonly string[] CitingFolders = ["src", "schemas", "docs", "deploy", "bench", "sample-repo", "tests", ".ci"];
    private static readonly string[] CitingPatterns = ["*.cs", "*.js", "*.json", "*.md", "*.service", "*.yml", "*.yaml", "run", "sizes"];

    /// <summary>The files whose shell blocks are commands a reader types: the README, docs/*.md and the sample repository's README.</summary>
    public static IEnumerable<string> WithCommands() =>
        ReadmesWithCommands.Concat(Markdown("docs").Where(f => !f.StartsWith("docs/api/", StringComparison.Ordinal)));

    /// <summary>Every markdown file of the repository, relative to its root (tests' golden outputs excepted).</summary>
    public static IEnumerable<string> AllMarkdown() =>
        MarkdownFolders.SelectMany(Markdown).Prepend("README.md");

    /// <summary>Files that may cite a README section or a repository file in their text: sources, help, schemas, docs, scripts, units.</summary>
    public static IEnumerable<string> Citing() =>
        CitingFolders
            .SelectMany(d => Files(d, CitingPatterns))
            .Append("README.md")
            .Distinct(StringComparer.Ordinal);

    public static MarkdownDocument Read(string relative) => MarkdownDocument.Read(RepositoryRoot.Combine(relative));

    private static IEnumerable<string> Markdown(string directory) => Files(directory, "*.md");

    private static IEnumerable<string> Files(string directory, params string[] patterns)
    {
        var root = RepositoryRoot.Combine(directory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return patterns
            .SelectMany(p => Directory.EnumerateFiles(root, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => Ignored.Contains(part, StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
    }
}

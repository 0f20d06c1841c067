using Microsoft.Extensions.FileSystemGlobbing;

namespace Reconciler.Core.Sources;

/// <summary>
/// Which files under the manifest root are task manifests. By default every <c>*.yaml</c> and
/// <c>*.yml</c> file in any letter case (<c>A.YAML</c>, <c>b.Yml</c>), except those inside hidden
/// directories (<c>.git</c>, <c>.github</c>, <c>.vscode</c>…), which hold other tools' YAML. Paths are
/// relative, with forward slashes. With the default include, every pattern (excludes too) is matched
/// ignoring case; with an explicit include, exactly as written.
/// </summary>
public sealed class ManifestGlob
{
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/*.yaml", "**/*.yml"];
    public static readonly IReadOnlyList<string> DefaultExclude = [".*/**", "**/.*/**"];
    public static readonly ManifestGlob Default = new(DefaultInclude, DefaultExclude);

    private readonly Matcher _matcher;
    private readonly Matcher _excluded;

    public ManifestGlob(IReadOnlyList<string> include, IReadOnlyList<string>? exclude = null)
    {
        Include = include.Count == 0 ? DefaultInclude : include;
        Exclude = exclude ?? DefaultExclude;
        Comparison = Include.SequenceEqual(DefaultInclude, StringComparer.Ordinal) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _matcher = new Matcher(Comparison);
        _matcher.AddIncludePatterns(Include);
        _matcher.AddExcludePatterns(Exclude);
        _excluded = new Matcher(Comparison);
        _excluded.AddInclude("**/*");
        _excluded.AddExcludePatterns(Exclude);
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    /// <summary>How names are compared: ignoring case for the default include (so <c>.YAML</c> is a manifest too), else ordinal.</summary>
    public StringComparison Comparison { get; }

    public bool IsMatch(string relativePath)
    {
        lock (_matcher)
        {
            return _matcher.Match(relativePath).HasMatches;
        }
    }

    /// <summary>Whether everything inside this directory is excluded (so a walk need not enter it).</summary>
    public bool IsExcludedDirectory(string relativeDirectory)
    {
        lock (_excluded)
        {
            return !_excluded.Match($"{relativeDirectory}/probe").HasMatches;
        }
    }
}

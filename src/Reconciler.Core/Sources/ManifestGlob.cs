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
    private readonly bool _isDefault;

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
        _isDefault = Comparison == StringComparison.OrdinalIgnoreCase && Exclude.SequenceEqual(DefaultExclude, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    /// <summary>How names are compared: ignoring case for the default include (so <c>.YAML</c> is a manifest too), else ordinal.</summary>
    public StringComparison Comparison { get; }

    public bool IsMatch(string relativePath)
    {
        // The matcher builds a little directory tree for every path it is asked about (about 6 µs and 5 KB);
        // a plainly named manifest under the default patterns is answered without it.
        if (_isDefault && IsPlainManifestPath(relativePath))
        {
            return true;
        }

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

    /// <summary>
    /// A path the default patterns certainly take: every segment made of ASCII letters, digits, '-', '_' and
    /// '.', none starting with '.' (so no hidden directory), the last one ending in <c>.yaml</c> or <c>.yml</c>
    /// in any letter case after at least one character. Anything else is left to the matcher.
    /// </summary>
    internal static bool IsPlainManifestPath(string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        var stem = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name.Length - 5
            : name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? name.Length - 4
            : 0;
        if (stem <= 0)
        {
            return false;
        }

        var segmentStart = true;
        foreach (var c in path)
        {
            if (c == '/')
            {
                if (segmentStart)
                {
                    return false; // an empty segment
                }

                segmentStart = true;
                continue;
            }

            if ((segmentStart && c == '.') || !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }

            segmentStart = false;
        }

        return true;
    }
}

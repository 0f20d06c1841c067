using Microsoft.Extensions.FileSystemGlobbing;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Matches many paths against a <see cref="ManifestGlob"/> at once. <see cref="ManifestGlob.IsMatch"/>
/// builds a one-file directory model per call (about 25 µs each: a quarter of a second for 10,000 files);
/// one call over all paths with the same patterns, the same matcher and the same root gives the same
/// answers about eight times faster (measured: 250 ms down to 30 ms for 10,000 paths).
/// </summary>
internal static class GlobBatch
{
    public static HashSet<string> Matches(ManifestGlob glob, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var matcher = new Matcher(glob.Comparison);
        matcher.AddIncludePatterns(glob.Include);
        matcher.AddExcludePatterns(glob.Exclude);

        // The single-path Match that ManifestGlob uses roots the paths at the current directory too.
        var result = matcher.Match(Directory.GetCurrentDirectory(), paths);
        return result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }
}

using Microsoft.Extensions.FileSystemGlobbing;
using Reconciler.Core.Sources;

namespace Reconciler.Core.Tests.Sources;

/// <summary>The default glob answers plainly named manifests without the matcher: only where the matcher says the same.</summary>
public sealed class ManifestGlobFastPathTests
{
    private static readonly string[] Names =
    [
        "a.yaml", "A.YAML", "b.Yml", "task-00001.yaml", "x_y.z.yml", "a.yaml.bak", "a.yml~", "yaml", ".yaml", ".yml", "a.",
        ".hidden.yaml", "a b.yaml", "中文.yaml", "a..yaml", "-a.yaml", "_.yml", "a.YmL", "a.json", "a.yamll", "a.ya ml",
    ];

    private static readonly string[] Directories = ["", "tasks/", "tasks/team-01/", ".git/", "a/.github/", "a/b/c/", "x.y/", "-/", "_x/", "a/./", "a//", "..a/", "中/"];

    [Fact]
    public void IsMatch_DefaultPatterns_FastPathNeverDisagreesWithTheMatcher()
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(ManifestGlob.DefaultInclude);
        matcher.AddExcludePatterns(ManifestGlob.DefaultExclude);
        var fast = 0;
        foreach (var path in Directories.SelectMany(d => Names.Select(n => d + n)))
        {
            var expected = matcher.Match(path).HasMatches;
            if (ManifestGlob.IsPlainManifestPath(path))
            {
                fast++;
                Assert.True(expected, $"the fast path takes '{path}', the matcher does not");
            }

            Assert.Equal(expected, ManifestGlob.Default.IsMatch(path));
        }

        Assert.True(fast > 20, $"the fast path answered only {fast} paths");
    }
}

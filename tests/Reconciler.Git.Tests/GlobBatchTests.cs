using Reconciler.Core.Sources;

namespace Reconciler.Git.Tests;

public sealed class GlobBatchTests
{
    private static readonly string[] Paths =
    [
        "a.yaml", "tasks/a.yml", "tasks/a.YAML", ".github/workflows/ci.yaml", "tasks/.drafts/b.yaml", "tasks/x/.y/z.yml",
        "dir.yaml/file.txt", "tasks/测试 任务.yaml", "tasks/[x].yaml", "sales/deep/er/c.yaml", "sales/draft-c.yaml", "readme.md",
    ];

    public static TheoryData<string[], string[]?> Globs => new()
    {
        { ["**/*.yaml", "**/*.yml"], null },
        { ["sales/**/*.yaml"], ["**/draft-*"] },
        { ["**/*"], [] },
        { ["*.yaml"], null },
    };

    [Theory]
    [MemberData(nameof(Globs))]
    public void Matches_GivesTheSameAnswersAsIsMatch(string[] include, string[]? exclude)
    {
        var glob = new ManifestGlob(include, exclude);

        var batch = GlobBatch.Matches(glob, Paths);

        Assert.Equal(Paths.Where(glob.IsMatch).Order(StringComparer.Ordinal), batch.Order(StringComparer.Ordinal));
    }
}

using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>Hostile values (numbers, identities, control characters, secrets, document rules), through the real CLI.</summary>
[Trait("Category", "Slow")] // the real CLI on a corpus of hostile repositories
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ValueHostileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => HostileCorpus.Names(ValueCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Plan_HostileValue_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);

    [Fact]
    public void Corpus_HasAtLeastSixtyCasesWithDistinctNames()
    {
        Assert.True(HostileCorpus.All.Count >= 60, $"{HostileCorpus.All.Count} cases");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(c => c.Name).Distinct().Count());
        // Only FileSystemHostileTests has theories for the privileged cases: one anywhere else would be run by no theory.
        var fileSystem = FileSystemCases.All().Select(c => c.Name).ToHashSet();
        Assert.All(HostileCorpus.All.Where(c => c.NeedsRoot || c.Unprivileged), c => Assert.Contains(c.Name, fileSystem));
    }
}

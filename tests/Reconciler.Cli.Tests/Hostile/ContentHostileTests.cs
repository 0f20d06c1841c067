using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>Hostile file contents (sizes, documents, YAML bombs, encodings, settings), through the real CLI.</summary>
[Trait("Category", "Slow")] // the real CLI on a corpus of hostile repositories
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContentHostileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => HostileCorpus.Names(ContentCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Plan_HostileContent_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);
}

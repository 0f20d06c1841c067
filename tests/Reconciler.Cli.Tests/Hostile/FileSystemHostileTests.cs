using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>Hostile file-system entries (FIFOs, devices, sockets, links, permissions, names), through the real CLI.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileSystemHostileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => HostileCorpus.Names(FileSystemCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Plan_HostileEntry_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);
}

using Reconciler.Testing.Files;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// Hostile file-system entries (FIFOs, devices, sockets, links, permissions, names), through the real CLI. Cases that
/// need a privilege are their own theories, reported as skipped (not passed) where it is missing.
/// </summary>
[Trait("Category", "Slow")] // the real CLI on a corpus of hostile repositories
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileSystemHostileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => HostileCorpus.Names(FileSystemCases.All);

    public static TheoryData<string> RootCases => HostileCorpus.Names(FileSystemCases.All, c => c.NeedsRoot);

    public static TheoryData<string> UnprivilegedCases => HostileCorpus.Names(FileSystemCases.All, c => c.Unprivileged);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Plan_HostileEntry_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);

    [RootTheory]
    [MemberData(nameof(RootCases))]
    public Task Plan_HostileEntryMadeAsRoot_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);

    [UnprivilegedTheory]
    [MemberData(nameof(UnprivilegedCases))]
    public Task Plan_UnreadableEntryReadAsNobody_IsNamedBoundedAndTheRestIsPlanned(string name) => HostileCorpus.RunAsync(name, output);
}

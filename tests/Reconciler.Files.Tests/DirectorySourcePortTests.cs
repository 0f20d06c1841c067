using Reconciler.Core.Sources;
using Reconciler.Testing;

namespace Reconciler.Files.Tests;

/// <summary>A directory as the service's port: one revision (the files now), nothing else, and its failures as the port's.</summary>
public sealed class DirectorySourcePortTests : IDisposable
{
    private readonly TestDirectory _root = new("port");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task ReadLatest_ReadsTheFilesAsTheyAreNow()
    {
        IManifestSource source = new DirectorySource(_root.Path);
        File.WriteAllText(Path.Combine(_root.Path, "a.yaml"), "a: 1");
        var first = await source.ReadLatestAsync(CancellationToken.None);
        File.WriteAllText(Path.Combine(_root.Path, "b.yaml"), "b: 1");

        var second = await source.ReadLatestAsync(CancellationToken.None);

        Assert.Equal(["a.yaml"], first.Files.Select(f => f.Path));
        Assert.Equal(["a.yaml", "b.yaml"], second.Files.Select(f => f.Path));
        Assert.Null(second.Revision);
        Assert.Equal(_root.Path, source.DisplayName);
    }

    [Fact]
    public async Task OtherRevisionsAndChangeCounts_AreUnknown()
    {
        IManifestSource source = new DirectorySource(_root.Path);

        Assert.Null(await source.ReadRevisionAsync("0123456789abcdef0123456789abcdef01234567", CancellationToken.None));
        Assert.Null(source.CountChanged(null, "anything"));
    }

    [Fact]
    public async Task ReadLatest_MissingDirectory_IsSourceUnavailable()
    {
        IManifestSource source = new DirectorySource(Path.Combine(_root.Path, "missing"));

        var e = await Assert.ThrowsAsync<SourceUnavailableException>(() => source.ReadLatestAsync(CancellationToken.None));

        Assert.Equal("not_found", e.Reason);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }
}

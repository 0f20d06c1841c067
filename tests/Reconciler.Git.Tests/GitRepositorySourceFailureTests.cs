using System.Text;
using LibGit2Sharp;
using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

public sealed class GitRepositorySourceFailureTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_RemoteRemoved_ThrowsUnreachableKeepsLastGoodAndRecovers()
    {
        var good = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        _h.Remote.TakeOffline();
        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains(_h.Remote.Url, error.Message, StringComparison.Ordinal);
        Assert.Equal(good, source.LastGoodCommitId);
        Assert.True(Directory.Exists(source.CachePath));
        Assert.Equal(["tasks/a.yaml"], source.ReadTree(good).Files.Select(f => f.Path));

        _h.Remote.BringOnline();
        var next = _h.Push("two", ("tasks/b.yaml", "b: 1"));
        var recovered = await source.FetchAsync(_h.Token);

        Assert.Equal(next, recovered.CommitId);
        Assert.Equal(next, source.LastGoodCommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_FileUrlRemoteRemoved_ThrowsUnreachable()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source(url: _h.Remote.FileUrl);
        await source.FetchAsync(_h.Token);

        _h.Remote.TakeOffline();
        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        _h.Remote.BringOnline();
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_NeverReachable_ThrowsUnreachableWithoutLastGoodOrCache()
    {
        var source = _h.Source(url: Path.Combine(_h.Cache.Path, "..", "nowhere.git"));

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        Assert.Null(source.LastGoodCommitId);
        Assert.False(Directory.Exists(source.CachePath));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_h.Cache.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CacheReplacedByGarbage_ReclonesTransparently()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();

        TestDirectory.Delete(cachePath);
        Directory.CreateDirectory(Path.Combine(cachePath, "junk"));
        File.WriteAllText(Path.Combine(cachePath, "HEAD.bak"), "not git");

        await AssertFreshSourceReads(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CacheObjectsLost_ReclonesTransparently()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();

        // The references still name the head commit, but nothing behind them can be read.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(cachePath, "objects"), "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        await AssertFreshSourceReads(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CachePackFilesOverwritten_ReclonesTransparently()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();

        var files = Directory.EnumerateFiles(Path.Combine(cachePath, "objects"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            File.SetAttributes(file, FileAttributes.Normal);
            File.WriteAllBytes(file, Encoding.ASCII.GetBytes("garbage, not a pack"));
        }

        await AssertFreshSourceReads(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CacheConfigUnparsable_ReclonesTransparently()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();

        File.WriteAllText(Path.Combine(cachePath, "config"), "[[[ this is not a git config");

        await AssertFreshSourceReads(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CacheIsAFile_ReclonesTransparently()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();

        TestDirectory.Delete(cachePath);
        File.WriteAllText(cachePath, "a file where the clone should be");

        await AssertFreshSourceReads(head);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadTree_CacheObjectsLost_ThrowsThenNextFetchReclones()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(cachePath, "objects"), "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        var source = _h.Source();
        var error = Assert.Throws<GitSourceException>(() => source.ReadTree(head));
        Assert.Equal(GitSourceErrorKind.CommitNotFound, error.Kind);

        var repaired = await source.FetchAsync(_h.Token);
        Assert.Equal(head, repaired.CommitId);
        Assert.Equal("a: 1", Encoding.UTF8.GetString(repaired.Snapshot.Files.Single().Read().Span));
        Assert.Equal(["tasks/a.yaml"], source.ReadTree(head).Files.Select(f => f.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CacheDamagedAndRemoteUnreachable_ThrowsUnreachableAndLeavesNoHalfClone()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var cachePath = await FetchedCachePath();
        File.WriteAllText(Path.Combine(cachePath, "config"), "[[[ broken");
        _h.Remote.TakeOffline();

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _h.Source().FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        Assert.Equal([cachePath], Directory.EnumerateFileSystemEntries(_h.Cache.Path));
        _h.Remote.BringOnline();
    }

    private async Task<string> FetchedCachePath()
    {
        using var first = new GitRepositorySource(new GitRepositorySourceOptions
        {
            Url = _h.Remote.Url,
            CacheDirectory = _h.Cache.Path,
            ReadEnvironment = GitSourceHarness.NoEnvironment,
        });
        await first.FetchAsync(_h.Token);
        return first.CachePath;
    }

    private async Task AssertFreshSourceReads(string head)
    {
        var source = _h.Source();
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(head, result.CommitId);
        Assert.Equal("a: 1", Encoding.UTF8.GetString(result.Snapshot.Files.Single().Read().Span));
        Assert.True(Repository.IsValid(source.CachePath));
        Assert.Equal([source.CachePath], Directory.EnumerateFileSystemEntries(_h.Cache.Path));
    }
}

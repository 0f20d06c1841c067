using System.Text;
using LibGit2Sharp;
using Reconciler.Core.Sources;

namespace Reconciler.Git.Tests;

public sealed class GitRepositorySourceFetchTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_SameCommit_ReusesTheListing_AndANewCommitListsExactSizes()
    {
        _h.Push("initial", ("tasks/a.yaml", GitSourceHarness.Manifest("a")), ("tasks/b.yaml", GitSourceHarness.Manifest("b")));
        using var source = _h.Source();
        var first = await source.FetchAsync(_h.Token);
        var again = await source.FetchAsync(_h.Token);

        // A poll that finds the branch where it was lists nothing again.
        Assert.Same(first.Snapshot, again.Snapshot);

        var longer = GitSourceHarness.Manifest("b") + "# a longer file now\n";
        var head = _h.Push("change b", ("tasks/b.yaml", longer));
        var moved = await source.FetchAsync(_h.Token);

        Assert.Equal(head, moved.Snapshot.Revision);
        Assert.Equal([first.Snapshot.Files[0].Length, Encoding.UTF8.GetByteCount(longer)], moved.Snapshot.Files.Select(f => f.Length));
        Assert.Equal(longer, Encoding.UTF8.GetString(moved.Snapshot.Files[1].Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_FirstTime_ClonesBareAndListsManifestsWithBlobIdsAndExactContent()
    {
        var crlf = "apiVersion: tasks/v2\r\nkind: Task\r\n# 中文注释\r\n";
        var head = _h.Push(
            "initial",
            ("tasks/sales/a.yaml", GitSourceHarness.Manifest("a")),
            ("tasks/b.yml", crlf),
            ("README.md", "# tasks"),
            ("tasks/notes.txt", "not a manifest"));

        using var source = _h.Source();
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(head, result.CommitId);
        Assert.Equal(head, result.Snapshot.Revision);
        Assert.Empty(result.Snapshot.Diagnostics);
        Assert.Equal(["tasks/b.yml", "tasks/sales/a.yaml"], result.Snapshot.Files.Select(f => f.Path));
        var tip = _h.Remote.WorkingRepository.Head.Tip;
        foreach (var file in result.Snapshot.Files)
        {
            var expected = File.ReadAllBytes(Path.Combine(_h.Remote.WorkPath, file.Path));
            Assert.Equal(tip[file.Path].Target.Sha, file.ContentId);
            Assert.Equal(expected.Length, file.Length);
            Assert.Equal(expected, file.Read().ToArray());
        }

        Assert.Equal(crlf, Encoding.UTF8.GetString(result.Snapshot.Files[0].Read().Span));
        using var cache = new Repository(source.CachePath);
        Assert.True(cache.Info.IsBare);
        Assert.Equal(head, source.LastGoodCommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_DefaultGlob_ExcludesHiddenDirectories()
    {
        _h.Push(
            "hidden",
            ("tasks/a.yaml", "a: 1"),
            (".github/workflows/ci.yaml", "on: push"),
            ("tasks/.drafts/b.yaml", "b: 1"),
            (".vscode/settings.yml", "x: 1"));

        var result = await _h.Source().FetchAsync(_h.Token);

        Assert.Equal(["tasks/a.yaml"], result.Snapshot.Files.Select(f => f.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_WithSubPathAndGlob_ListsOnlyMatchesRelativeToSubPath()
    {
        _h.Push(
            "layout",
            ("ops/tasks/sales/a.yaml", "a: 1"),
            ("ops/tasks/sales/deep/b.yaml", "b: 1"),
            ("ops/tasks/support/c.yaml", "c: 1"),
            ("ops/other.yaml", "x: 1"),
            ("tasks/sales/elsewhere.yaml", "y: 1"));

        var result = await _h.Source(path: "/ops/tasks/", glob: new ManifestGlob(["sales/**/*.yaml"])).FetchAsync(_h.Token);

        Assert.Equal(["sales/a.yaml", "sales/deep/b.yaml"], result.Snapshot.Files.Select(f => f.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_AfterNewCommit_ReturnsNewHead()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        Assert.Equal(first, (await source.FetchAsync(_h.Token)).CommitId);

        var second = _h.Push("two", ("tasks/a.yaml", "a: 2"), ("tasks/b.yaml", "b: 1"));
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(second, result.CommitId);
        Assert.Equal(["tasks/a.yaml", "tasks/b.yaml"], result.Snapshot.Files.Select(f => f.Path));
        Assert.Equal("a: 2", Encoding.UTF8.GetString(result.Snapshot.Files[0].Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_AfterForcePush_FollowsNewHead()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var doomed = _h.Push("two", ("tasks/a.yaml", "a: 2"));
        var source = _h.Source();
        Assert.Equal(doomed, (await source.FetchAsync(_h.Token)).CommitId);

        _h.Remote.ResetHard(first);
        _h.Remote.Write("tasks/a.yaml", "a: rewritten");
        var rewritten = _h.Remote.Commit("two, rewritten");
        _h.Remote.ForcePush();
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(rewritten, result.CommitId);
        Assert.Equal(rewritten, source.LastGoodCommitId);
        Assert.Equal("a: rewritten", Encoding.UTF8.GetString(result.Snapshot.Files.Single().Read().Span));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(null)]
    [InlineData("release 1.0")]
    public async Task Fetch_TagAsRef_ReadsTheTaggedCommit(string? annotation)
    {
        var tagged = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        _h.Remote.Tag("v1.0", annotation);
        _h.Push("two", ("tasks/a.yaml", "a: 2"));

        var result = await _h.Source(branch: "v1.0").FetchAsync(_h.Token);
        var byFullName = await _h.Source(branch: "refs/tags/v1.0").FetchAsync(_h.Token);

        Assert.Equal(tagged, result.CommitId);
        Assert.Equal(tagged, byFullName.CommitId);
        Assert.Equal("a: 1", Encoding.UTF8.GetString(result.Snapshot.Files.Single().Read().Span));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(40)]
    [InlineData(10)]
    public async Task Fetch_CommitIdAsRef_ReadsThatCommit(int length)
    {
        var pinned = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        _h.Push("two", ("tasks/a.yaml", "a: 2"));

        var result = await _h.Source(branch: pinned[..length]).FetchAsync(_h.Token);

        Assert.Equal(pinned, result.CommitId);
        Assert.Equal("a: 1", Encoding.UTF8.GetString(result.Snapshot.Files.Single().Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_OtherBranchOrFullRefName_IsWatched()
    {
        var main = _h.Push("main", ("tasks/a.yaml", "a: 1"));
        _h.Remote.CreateBranch("staging");
        var staging = _h.Push("staging", ("tasks/b.yaml", "b: 1"));

        Assert.Equal(staging, (await _h.Source(branch: "staging").FetchAsync(_h.Token)).CommitId);
        Assert.Equal(main, (await _h.Source(branch: "refs/heads/main").FetchAsync(_h.Token)).CommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_BranchDeleted_ThrowsRefNotFoundAndKeepsLastGood()
    {
        _h.Push("main", ("tasks/a.yaml", "a: 1"));
        _h.Remote.CreateBranch("feature");
        var feature = _h.Push("feature", ("tasks/b.yaml", "b: 1"));
        var source = _h.Source(branch: "feature");
        await source.FetchAsync(_h.Token);

        _h.Remote.DeleteRemoteBranch("feature");
        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.RefNotFound, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Contains("'feature'", error.Message, StringComparison.Ordinal);
        Assert.Equal(feature, source.LastGoodCommitId);
        Assert.Equal(["tasks/a.yaml", "tasks/b.yaml"], source.ReadTree(feature).Files.Select(f => f.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_UnknownRef_ThrowsRefNotFound()
    {
        _h.Push("main", ("tasks/a.yaml", "a: 1"));

        var error = await Assert.ThrowsAsync<GitSourceException>(() => _h.Source(branch: "no-such-branch").FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.RefNotFound, error.Kind);
        Assert.Null(_h.Source(branch: "no-such-branch").LastGoodCommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_FileUrl_ClonesLikeAPath()
    {
        var head = _h.Push("main", ("tasks/a.yaml", "a: 1"));

        var result = await _h.Source(url: _h.Remote.FileUrl).FetchAsync(_h.Token);

        Assert.Equal(head, result.CommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_AlreadyCancelled_ThrowsOperationCanceled()
    {
        _h.Push("main", ("tasks/a.yaml", "a: 1"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Source().FetchAsync(cancelled.Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CancelledBetweenSteps_StopsAndLeavesNoHalfClone()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        using var cancel = new CancellationTokenSource();

        // The environment is read inside the fetch, just before the first step: cancel right there.
        var source = _h.Source(environment: _ =>
        {
            cancel.Cancel();
            return null;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.FetchAsync(cancel.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_h.Cache.Path));
        Assert.Equal(head, (await source.FetchAsync(_h.Token)).CommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_ConcurrentCallsAndReads_AreSerialised()
    {
        var head = _h.Push("main", ("tasks/a.yaml", "a: 1"), ("tasks/b.yaml", "b: 1"));
        var source = _h.Source();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var snapshot = await source.FetchAsync(_h.Token);
            return snapshot.Snapshot.Files.Select(f => Encoding.UTF8.GetString(f.Read().Span)).ToArray();
        })));

        Assert.All(results, contents => Assert.Equal(["a: 1", "b: 1"], contents));
        Assert.Equal(head, source.LastGoodCommitId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Read_AfterALaterFetch_StillReturnsTheListedBlob()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        var old = await source.FetchAsync(_h.Token);
        _h.Push("two", ("tasks/a.yaml", "a: 2"));
        await source.FetchAsync(_h.Token);

        Assert.Equal("a: 1", Encoding.UTF8.GetString(old.Snapshot.Files.Single().Read().Span));
    }
}

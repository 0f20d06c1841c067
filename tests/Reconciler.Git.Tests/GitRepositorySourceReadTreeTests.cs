using Reconciler.Core.Diagnostics;
using Reconciler.Core.Sources;

namespace Reconciler.Git.Tests;

public sealed class GitRepositorySourceReadTreeTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task ReadTree_OlderCommit_ReadsWithoutContactingTheRemote()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        _h.Push("two", ("tasks/b.yaml", "b: 1"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);
        _h.Remote.TakeOffline();

        var snapshot = source.ReadTree(first);

        Assert.Equal(first, snapshot.Revision);
        Assert.Equal(["tasks/a.yaml"], snapshot.Files.Select(f => f.Path));
        _h.Remote.BringOnline();
    }

    [Fact]
    public void ReadTree_BeforeAnyFetch_ThrowsCommitNotFound()
    {
        var error = Assert.Throws<GitSourceException>(() => _h.Source().ReadTree(new string('a', 40)));

        Assert.Equal(GitSourceErrorKind.CommitNotFound, error.Kind);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("not-a-commit")]
    public async Task ReadTree_UnknownCommit_ThrowsCommitNotFound(string commitId)
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        var error = Assert.Throws<GitSourceException>(() => source.ReadTree(commitId));

        Assert.Equal(GitSourceErrorKind.CommitNotFound, error.Kind);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadTree_BlobIdInsteadOfCommit_ThrowsCommitNotFound()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        var snapshot = await source.FetchAsync(_h.Token);

        var error = Assert.Throws<GitSourceException>(() => source.ReadTree(snapshot.Snapshot.Files[0].ContentId!));

        Assert.Equal(GitSourceErrorKind.CommitNotFound, error.Kind);
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangedPaths_AddModifyDeleteRename_ListsEachPathWithBothNamesOfARename()
    {
        var before = _h.Push(
            "before",
            ("tasks/kept.yaml", "kept: 1"),
            ("tasks/modified.yaml", "value: 1"),
            ("tasks/deleted.yaml", "deleted: 1"),
            ("tasks/old-name.yaml", GitSourceHarness.Manifest("renamed")));
        _h.Remote.Write("tasks/modified.yaml", "value: 2")
            .Write("tasks/added.yaml", "added: 1")
            .Delete("tasks/deleted.yaml")
            .Move("tasks/old-name.yaml", "tasks/sub/new-name.yaml");
        var after = _h.Remote.CommitAndPush("after");
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        var changed = source.ChangedPaths(before, after);

        Assert.Equal(
            ["tasks/added.yaml", "tasks/deleted.yaml", "tasks/modified.yaml", "tasks/old-name.yaml", "tasks/sub/new-name.yaml"],
            changed);
        Assert.Equal(changed, source.ChangedPaths(after, before));
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangedPaths_WithSubPathAndGlob_OnlyMatchingPathsRelativeToSubPath()
    {
        var before = _h.Push("before", ("ops/tasks/a.yaml", "a: 1"), ("ops/readme.md", "x"));
        var after = _h.Push(
            "after",
            ("ops/tasks/a.yaml", "a: 2"),
            ("ops/tasks/notes.txt", "not a manifest"),
            ("ops/tasks/.hidden/b.yaml", "hidden"),
            ("ops/readme.md", "y"),
            ("elsewhere/c.yaml", "c: 1"));
        var source = _h.Source(path: "ops/tasks");
        await source.FetchAsync(_h.Token);

        Assert.Equal(["a.yaml"], source.ChangedPaths(before, after));
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangedPaths_SubPathCreatedOrSameCommit_HandlesEmptySides()
    {
        var before = _h.Push("before", ("readme.md", "x"));
        var after = _h.Push("after", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source(path: "tasks");
        await source.FetchAsync(_h.Token);

        Assert.Equal(["a.yaml"], source.ChangedPaths(before, after));
        Assert.Empty(source.ChangedPaths(after, after));
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangedPaths_UnknownCommit_ThrowsCommitNotFound()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        var error = Assert.Throws<GitSourceException>(() => source.ChangedPaths(new string('b', 40), head));

        Assert.Equal(GitSourceErrorKind.CommitNotFound, error.Kind);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_SymbolicLinkMatchedByGlob_IsAnErrorAndNotRead()
    {
        _h.Remote.Write("tasks/real.yaml", "a: 1").Symlink("tasks/alias.yaml", "real.yaml");
        _h.Remote.CommitAndPush("link");

        var snapshot = (await _h.Source().FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["tasks/real.yaml"], snapshot.Files.Select(f => f.Path));
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("git-symlink", diagnostic.Code);
        Assert.Equal(SourceLocation.StartOf("tasks/alias.yaml"), diagnostic.Location);
        Assert.Contains("'real.yaml'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_SymbolicLinkToADirectory_IsAWarningAndOtherLinksAreSilent()
    {
        _h.Remote.Write("shared/a.yaml", "a: 1")
            .Symlink("tasks/shared", "../shared")
            .Symlink("docs/README", "../readme.md")
            .Write("readme.md", "x");
        _h.Remote.CommitAndPush("links");

        var snapshot = (await _h.Source(path: "tasks").FetchAsync(_h.Token)).Snapshot;

        Assert.Empty(snapshot.Files);
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(SourceLocation.StartOf("shared"), diagnostic.Location);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_Submodule_IsAWarningAndNotFollowed()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        _h.Remote.CommitSubmodule("tasks/vendor", first, "add submodule");
        _h.Remote.Push();

        var snapshot = (await _h.Source().FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["tasks/a.yaml"], snapshot.Files.Select(f => f.Path));
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal("git-submodule", diagnostic.Code);
        Assert.Equal(SourceLocation.StartOf("tasks/vendor"), diagnostic.Location);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("missing", "git-path-missing")]
    [InlineData("tasks/a.yaml", "git-path-not-directory")]
    public async Task Fetch_ManifestPathMissingOrAFile_IsAnErrorNotAnEmptyRepository(string path, string code)
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));

        var snapshot = (await _h.Source(path: path, glob: new ManifestGlob(["**/*"])).FetchAsync(_h.Token)).Snapshot;

        Assert.Empty(snapshot.Files);
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(code, diagnostic.Code);
    }
}

using System.Text;
using Reconciler.Core.Sources;
using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>A CI checkout: <c>origin/main</c> is the base, <c>HEAD</c> the pull request's head, both in one working copy.</summary>
public sealed class LocalRepositoryReaderTests : IDisposable
{
    private readonly TestGitRemote _remote = new();
    private readonly string _base;
    private readonly string _head;

    public LocalRepositoryReaderTests()
    {
        _remote.Write("tasks/a.yaml", "a: 1").Write("tasks/b.yaml", "b: 1").Write("readme.md", "x");
        _base = _remote.CommitAndPush("base");
        _remote.CreateBranch("pr");
        _remote.Write("tasks/a.yaml", "a: 2").Delete("tasks/b.yaml").Write("tasks/c.yaml", "c: 1");
        _head = _remote.Commit("pull request");
    }

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void ReadAt_OriginMainAndHead_EachSeesItsOwnCommit()
    {
        using var reader = new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "tasks"));

        var baseSnapshot = reader.ReadAt("origin/main");
        var headSnapshot = reader.ReadAt("HEAD");

        Assert.Equal("tasks", reader.SubPath);
        Assert.Equal(_base, baseSnapshot.Revision);
        Assert.Equal(["a.yaml", "b.yaml"], baseSnapshot.Files.Select(f => f.Path));
        Assert.Equal("a: 1", Encoding.UTF8.GetString(baseSnapshot.Files[0].Read().Span));
        Assert.Equal(_head, headSnapshot.Revision);
        Assert.Equal(["a.yaml", "c.yaml"], headSnapshot.Files.Select(f => f.Path));
        Assert.Equal("a: 2", Encoding.UTF8.GetString(headSnapshot.Files[0].Read().Span));
    }

    [Fact]
    public void ReadAt_CommitIdOrAbbreviation_ResolvesToTheFullId()
    {
        using var reader = new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "tasks"));

        Assert.Equal(_base, reader.ResolveCommitId(_base[..8]));
        Assert.Equal(_base, reader.ResolveCommitId("HEAD~1"));
        Assert.Equal(_base, reader.ReadAt(_base).Revision);
    }

    [Fact]
    public void ReadAt_UncommittedWorkingFiles_AreIgnored()
    {
        _remote.Write("tasks/a.yaml", "a: uncommitted").Write("tasks/new.yaml", "n: 1");
        using var reader = new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "tasks"));

        var snapshot = reader.ReadAt("HEAD");

        Assert.Equal(["a.yaml", "c.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Equal("a: 2", Encoding.UTF8.GetString(snapshot.Files[0].Read().Span));
    }

    [Fact]
    public void ReadAt_RepositoryTopWithGlob_ReadsFromTheRoot()
    {
        using var reader = new LocalRepositoryReader(_remote.WorkPath, new ManifestGlob(["tasks/*.yaml"]));

        Assert.Equal("", reader.SubPath);
        Assert.Equal(["tasks/a.yaml", "tasks/c.yaml"], reader.ReadAt("HEAD").Files.Select(f => f.Path));
    }

    [Fact]
    public void ChangedPaths_BaseToHead_ListsThePullRequestsManifests()
    {
        using var reader = new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "tasks"));

        Assert.Equal(["a.yaml", "b.yaml", "c.yaml"], reader.ChangedPaths("origin/main", "HEAD"));
    }

    [Theory]
    [InlineData("origin/release")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("HEAD~5")]
    public void ReadAt_MissingRevision_ThrowsRefNotFoundWithTheFetchDepthHint(string revision)
    {
        using var reader = new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "tasks"));

        var error = Assert.Throws<GitSourceException>(() => reader.ReadAt(revision));

        Assert.Equal(GitSourceErrorKind.RefNotFound, error.Kind);
        Assert.Contains($"'{revision}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DirectoryOutsideAnyRepository_ThrowsNotARepository()
    {
        using var outside = new TestDirectory("not-a-repo");

        var error = Assert.Throws<GitSourceException>(() => new LocalRepositoryReader(outside.Path));

        Assert.Equal(GitSourceErrorKind.NotARepository, error.Kind);
    }

    [Fact]
    public void Constructor_MissingDirectory_ThrowsNotARepository()
    {
        var error = Assert.Throws<GitSourceException>(() => new LocalRepositoryReader(Path.Combine(_remote.WorkPath, "no-such-dir")));

        Assert.Equal(GitSourceErrorKind.NotARepository, error.Kind);
    }
}

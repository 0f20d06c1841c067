using LibGit2Sharp;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Reads manifests at any revision of the working copy that contains a directory, for pull-request plans
/// in CI: the base (<c>origin/main</c>) and the head (<c>HEAD</c>) come from the same clone, under the
/// same sub-path as the directory, straight from the commits' trees (the working files are never read).
/// </summary>
public sealed class LocalRepositoryReader : IDisposable
{
    private readonly Repository _repository;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="directory">The manifest directory, anywhere inside a (non-bare) working copy.</param>
    /// <exception cref="GitSourceException">NotARepository.</exception>
    public LocalRepositoryReader(string directory, ManifestGlob? glob = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Glob = glob ?? ManifestGlob.Default;
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new GitSourceException(GitSourceErrorKind.NotARepository, $"the directory {full} does not exist");
        }

        var gitDirectory = Repository.Discover(full)
            ?? throw new GitSourceException(GitSourceErrorKind.NotARepository, $"{full} is not inside a git working copy");
        _repository = new Repository(gitDirectory);
        if (_repository.Info.IsBare || _repository.Info.WorkingDirectory is null)
        {
            _repository.Dispose();
            throw new GitSourceException(GitSourceErrorKind.NotARepository, $"{gitDirectory} is a bare repository, not a working copy");
        }

        (RepositoryRoot, SubPath) = SplitAtWorkingCopyTop(full, _repository.Info.WorkingDirectory);
    }

    public ManifestGlob Glob { get; }

    /// <summary>The working copy's top directory.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The manifest directory relative to <see cref="RepositoryRoot"/>, forward slashes, "" for the top.</summary>
    public string SubPath { get; }

    /// <summary>The full commit id a revision names (<c>HEAD</c>, <c>origin/main</c>, a tag, a commit id, <c>HEAD~1</c>…).</summary>
    /// <exception cref="GitSourceException">RefNotFound, with a hint about shallow CI checkouts.</exception>
    public string ResolveCommitId(string revision) => Locked(() => Resolve(revision).Sha);

    /// <summary>The manifests under <see cref="SubPath"/> at a revision.</summary>
    public SourceSnapshot ReadAt(string revision) => Locked(() =>
        TreeSnapshotReader.Read(_repository, Resolve(revision), SubPath, Glob, LazyReader, CancellationToken.None).Snapshot);

    /// <summary>Manifest paths under <see cref="SubPath"/> that differ between two revisions (both names of a rename).</summary>
    public IReadOnlyList<string> ChangedPaths(string fromRevision, string toRevision) => Locked(() =>
        TreeDiff.ChangedPaths(_repository, Resolve(fromRevision), Resolve(toRevision), SubPath, Glob));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _repository.Dispose();
        }
    }

    /// <summary>
    /// Finds the top by walking up to the folder holding <c>.git</c>, rather than comparing with libgit2's
    /// working directory, which may be spelled through resolved symbolic links (e.g. a linked temp folder).
    /// </summary>
    private static (string Root, string SubPath) SplitAtWorkingCopyTop(string directory, string workingDirectory)
    {
        var segments = new Stack<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var marker = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return (current.FullName, string.Join('/', segments));
            }

            segments.Push(current.Name);
        }

        var root = Path.GetFullPath(workingDirectory);
        return (root, ManifestRoot.Normalize(Path.GetRelativePath(root, directory)));
    }

    private Commit Resolve(string revision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        GitObject? found = null;
        try
        {
            found = _repository.Lookup(revision);
        }
        catch (LibGit2SharpException)
        {
            // An invalid or ambiguous specification is reported like a missing one, with the same hint.
        }

        if (found is null)
        {
            var shallow = _repository.Info.IsShallow ? " This is a shallow clone." : "";
            throw new GitSourceException(
                GitSourceErrorKind.RefNotFound,
                $"revision '{revision}' was not found in the repository at {RepositoryRoot}.{shallow} " +
                "In CI, fetch the full history and the base branch (actions/checkout with fetch-depth: 0).");
        }

        return RefResolver.PeelToCommit(found, revision, RepositoryRoot);
    }

    private Func<ReadOnlyMemory<byte>> LazyReader(ObjectId id) => () => Locked<ReadOnlyMemory<byte>>(() =>
        BlobContent.TryRead(_repository, id)
        ?? throw new GitSourceException(GitSourceErrorKind.CommitNotFound, $"blob {id.ToString(12)} is missing from the repository at {RepositoryRoot}"));

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return action();
        }
    }
}

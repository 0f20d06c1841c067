using LibGit2Sharp;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Manifests of one watched repository, read from a bare clone kept in the cache directory.
/// <para>
/// Failures: an unreachable remote keeps the cache and <see cref="LastGoodCommitId"/> (the caller backs
/// off); a force-push is simply followed; a deleted branch is <see cref="GitSourceErrorKind.RefNotFound"/>;
/// a damaged cache (garbage in the folder, unreadable config, lost objects) is replaced by a fresh clone
/// once, automatically, within the same call.
/// </para>
/// LibGit2Sharp is synchronous and a repository object is not thread-safe: every operation, including the
/// lazy reads of <see cref="ManifestFile.Read"/>, takes one gate, and fetches run on the thread pool.
/// </summary>
public sealed partial class GitRepositorySource : IManifestSource, IDisposable
{
    private readonly RemoteUrl _url;
    private readonly string _root;
    private readonly BareCache _cache;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _lastGoodCommitId;

    // The last listing, kept under the gate: a poll that finds the same commit re-uses it, and a new commit's listing
    // opens only the directories whose tree id changed (a one-file push reads one folder, not 100,000 entries).
    private readonly ListingMemory _listings = new();
    private bool _disposed;

    public GitRepositorySource(GitRepositorySourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CacheDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Branch);
        Options = options;
        _url = RemoteUrl.Parse(options.Url);
        _root = ManifestRoot.Normalize(options.Path);
        _cache = new BareCache(options.CacheDirectory, _url.CacheKey);
    }

    public GitRepositorySourceOptions Options { get; }

    /// <summary>The repository URL without credentials: the only form to show.</summary>
    public string DisplayUrl => _url.Display;

    /// <summary>The bare clone's folder.</summary>
    public string CachePath => _cache.Location;

    /// <summary>The commit of the last successful fetch in this process; kept when a later fetch fails.</summary>
    public string? LastGoodCommitId => _lastGoodCommitId;

    /// <summary>What the last fetch that listed a new commit walked (for tests and benchmarks: the work is counted, not timed).</summary>
    internal ListingWork? LastListingWork => _listings.LastWalk;

    /// <summary>Clones or fetches, resolves the watched ref and lists its manifests.</summary>
    /// <exception cref="GitSourceException">Unreachable, AuthenticationFailed, RefNotFound or CorruptCache (after one re-clone).</exception>
    public async Task<GitSnapshot> FetchAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        var work = Task.Run(
            () =>
            {
                try
                {
                    return FetchWithRepair(cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }
            },
            CancellationToken.None);

        // libgit2 cannot be interrupted while connecting: the caller is released at once, the gate stays
        // held until the background call ends, so the next call never overlaps it.
        return await work.WaitAsync(cancellationToken);
    }

    string IManifestSource.DisplayName => DisplayUrl;

    /// <summary>Fetches the watched branch; the snapshot's revision is the commit it points at.</summary>
    public async Task<SourceSnapshot> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(cancellationToken);
        return fetched.Snapshot with { Revision = fetched.CommitId };
    }

    /// <summary>A commit already in the cache (a pull request's head fetched with the branch), or null when it is not there (e.g. a fork).</summary>
    public Task<SourceSnapshot?> ReadRevisionAsync(string revision, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<SourceSnapshot?>(ReadTree(revision));
        }
        catch (GitSourceException e) when (e.Kind == GitSourceErrorKind.CommitNotFound)
        {
            return Task.FromResult<SourceSnapshot?>(null);
        }
    }

    /// <summary>Lists the manifests of a commit already in the cache, without contacting the remote.</summary>
    /// <exception cref="GitSourceException">CommitNotFound, or CorruptCache.</exception>
    public SourceSnapshot ReadTree(string commitId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commitId);
        return Locked(() =>
        {
            var repository = OpenExisting(commitId);
            var commit = FindCommit(repository, commitId);
            return Guarded(() => TreeSnapshotReader.Read(repository, commit, _root, Options.Glob, LazyReader, CancellationToken.None).Snapshot);
        });
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _gate.Wait();
        try
        {
            _disposed = true;
            _cache.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private GitSnapshot FetchWithRepair(CancellationToken cancellationToken)
    {
        var credentials = GitCredentials.For(_url, Options.ReadEnvironment);
        var fetcher = new RemoteFetcher(_url, credentials);
        try
        {
            return FetchOnce(fetcher, fresh: false, cancellationToken);
        }
        catch (GitSourceException ex) when (ex.Kind == GitSourceErrorKind.CorruptCache)
        {
            // Once per call: a fresh clone either works or reports why it cannot.
            return FetchOnce(fetcher, fresh: true, cancellationToken);
        }
    }

    private GitSnapshot FetchOnce(RemoteFetcher fetcher, bool fresh, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Repository repository;
        if (fresh || !_cache.Exists)
        {
            repository = _cache.Recreate(r => fetcher.Fetch(r, cancellationToken));
        }
        else
        {
            repository = _cache.Open();
            try
            {
                fetcher.Fetch(repository, cancellationToken);
            }
            catch (GitSourceException ex) when (!BareCache.ReferencesResolve(repository))
            {
                // libgit2 negotiates with what the cache claims to have; lost objects can break the fetch itself.
                throw GitFailure.CorruptCache(_cache.Location, "a reference points at a missing object", ex);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = Guarded(() =>
        {
            var commit = RefResolver.Resolve(repository, Options.Branch, _url.Display, _cache.Location);
            return _listings.List(repository, commit, _root, Options.Glob, LazyReader, cancellationToken);
        });

        _lastGoodCommitId = snapshot.Revision;
        return new GitSnapshot(snapshot.Revision!, snapshot);
    }

    private Repository OpenExisting(string commitId)
    {
        if (!_cache.Exists)
        {
            throw new GitSourceException(GitSourceErrorKind.CommitNotFound, $"commit {commitId} is not available: {_url.Display} has not been fetched yet");
        }

        return _cache.Open();
    }

    private Commit FindCommit(Repository repository, string commitId)
    {
        var commit = Guarded(() =>
        {
            try
            {
                var found = RefResolver.LooksLikeObjectId(commitId) ? repository.Lookup(commitId) : null;
                return found as Commit;
            }
            catch (AmbiguousSpecificationException)
            {
                return null;
            }
        });
        return commit ?? throw new GitSourceException(GitSourceErrorKind.CommitNotFound, $"commit {commitId} is not in the cache of {_url.Display}");
    }

    // Held for every listed file between passes: one closure over the blob id as the hex text the listing keeps anyway
    // (ManifestFile.ContentId), not also a second delegate and a parsed ObjectId (about 150 bytes a file).
    private Func<ReadOnlyMemory<byte>> LazyReader(ObjectId id) => ReaderOf(id.Sha);

    private Func<ReadOnlyMemory<byte>> ReaderOf(string sha) => () => ReadBlob(sha);

    private ReadOnlyMemory<byte> ReadBlob(string sha) => Locked(() =>
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Blob ids are content addresses: any clone of the repository serves them, even one re-made since listing.
        var id = new ObjectId(sha);
        var repository = _cache.Open();
        var content = Guarded(() => BlobContent.TryRead(repository, id));
        return content ?? throw GitFailure.CorruptCache(_cache.Location, $"blob {id.ToString(12)} is missing", null);
    });

    /// <summary>Inside the cache, a libgit2 failure means damaged objects: report it as such, so a fetch re-clones.</summary>
    private T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (LibGit2SharpException ex)
        {
            throw GitFailure.CorruptCache(_cache.Location, ex.Message, ex);
        }
    }

    private T Locked<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _gate.Wait();
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }
}

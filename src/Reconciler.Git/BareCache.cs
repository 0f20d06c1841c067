using LibGit2Sharp;

namespace Reconciler.Git;

/// <summary>
/// The bare clone of one remote inside the cache directory. It owns the open <see cref="Repository"/>;
/// it is not thread-safe (the source serialises every call). A clone is always built in a temporary
/// sibling folder and moved into place only once complete, so a crash or a failed re-clone never
/// leaves a half-made cache behind, and a damaged cache survives until its replacement is ready.
/// </summary>
internal sealed class BareCache : IDisposable
{
    private readonly string _parent;
    private readonly string _key;
    private Repository? _repository;

    public BareCache(string cacheDirectory, string key)
    {
        _parent = Path.GetFullPath(cacheDirectory);
        _key = key;
        Location = Path.Combine(_parent, key);
    }

    public string Location { get; }

    public bool Exists => Directory.Exists(Location) || File.Exists(Location);

    /// <summary>Opens the existing clone; throws a CorruptCache failure when the folder is not a usable bare repository.</summary>
    public Repository Open()
    {
        if (_repository is not null)
        {
            return _repository;
        }

        if (!Directory.Exists(Location))
        {
            throw GitFailure.CorruptCache(Location, "it is not a directory", null);
        }

        try
        {
            // IsValid itself throws on some damage (an unparsable config), hence the catch around both.
            if (!Repository.IsValid(Location))
            {
                throw GitFailure.CorruptCache(Location, "it is not a git repository", null);
            }

            var repository = new Repository(Location);
            if (!repository.Info.IsBare)
            {
                repository.Dispose();
                throw GitFailure.CorruptCache(Location, "it is not a bare repository", null);
            }

            _repository = repository;
            return repository;
        }
        catch (LibGit2SharpException ex)
        {
            throw GitFailure.CorruptCache(Location, "it cannot be opened", ex);
        }
    }

    /// <summary>Builds a fresh clone beside the current one (<paramref name="populate"/> fetches into it), then swaps it in.</summary>
    public Repository Recreate(Action<Repository> populate)
    {
        Close();
        Directory.CreateDirectory(_parent);
        RemoveLeftovers();
        var temporary = Path.Combine(_parent, $"{_key}.tmp-{Suffix()}");
        try
        {
            Repository.Init(temporary, isBare: true);
            using (var fresh = new Repository(temporary))
            {
                populate(fresh);
            }

            Discard();
            Directory.Move(temporary, Location);
        }
        catch
        {
            FileSystem.DeleteDirectory(temporary);
            throw;
        }

        return Open();
    }

    /// <summary>True when every reference points at an object that is present: a cheap check for lost objects.</summary>
    public static bool ReferencesResolve(Repository repository)
    {
        try
        {
            foreach (var reference in repository.Refs)
            {
                if (reference is DirectReference direct && !repository.ObjectDatabase.Contains(new ObjectId(direct.TargetIdentifier)))
                {
                    return false;
                }
            }

            return true;
        }
        catch (LibGit2SharpException)
        {
            return false;
        }
    }

    public void Close()
    {
        _repository?.Dispose();
        _repository = null;
    }

    public void Dispose() => Close();

    private void Discard()
    {
        if (File.Exists(Location))
        {
            File.Delete(Location);
        }
        else if (Directory.Exists(Location))
        {
            // Rename first: the folder leaves its place at once even if deleting its files is slow or fails.
            var doomed = Path.Combine(_parent, $"{_key}.old-{Suffix()}");
            Directory.Move(Location, doomed);
            FileSystem.DeleteDirectory(doomed);
        }
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private void RemoveLeftovers()
    {
        // Filtered by hand: the pattern "key.*" also matches "key" itself (DOS wildcard rules).
        var leftovers = Directory.EnumerateDirectories(_parent)
            .Where(d => Path.GetFileName(d) is var name
                && (name.StartsWith(_key + ".tmp-", StringComparison.Ordinal) || name.StartsWith(_key + ".old-", StringComparison.Ordinal)));
        foreach (var leftover in leftovers.ToList())
        {
            FileSystem.DeleteDirectory(leftover);
        }
    }
}

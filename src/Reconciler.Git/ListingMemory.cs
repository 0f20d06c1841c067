using LibGit2Sharp;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// What the last listing of the watched branch knew, so a poll of an unchanged branch lists nothing again (100,000
/// tree entries and object headers at fleet size) and a new commit's listing opens only the directories whose tree id
/// changed (<see cref="TreeWalk"/>): the rest, with their files' sizes, come from the last listing.
/// Used under the source's gate only.
/// </summary>
internal sealed class ListingMemory
{
    private SourceSnapshot? _last;
    private IReadOnlyDictionary<string, ListedDirectory>? _directories;

    /// <summary>What the last listing that walked a tree did (null: none yet, or every fetch since re-used a listing).</summary>
    public ListingWork? LastWalk { get; private set; }

    /// <summary>The listing of <paramref name="commit"/>: the last one when it is of that commit (the same commit lists the same files; blobs are read lazily by id), else a walk of what changed since it.</summary>
    public SourceSnapshot List(Repository repository, Commit commit, string root, ManifestGlob glob, Func<ObjectId, Func<ReadOnlyMemory<byte>>> reader, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.Revision == commit.Sha)
        {
            return last;
        }

        var (snapshot, walk) = TreeSnapshotReader.Read(repository, commit, root, glob, reader, cancellationToken, _directories);
        LastChange = _last is { Revision: { } from } && _directories is { } before ? new ListingChange(from, commit.Sha, CountChanged(before, walk.Directories)) : null;
        (_last, _directories) = (snapshot, walk.Directories);
        LastWalk = new ListingWork(walk.EntriesVisited, walk.DirectoriesReused, walk.Directories.Count - walk.DirectoriesReused);
        return snapshot;
    }

    /// <summary>How many listed files (manifests, data files, the settings) differ between the last two listings: added, changed or gone, both names of a rename.</summary>
    public ListingChange? LastChange { get; private set; }

    /// <summary>Compares only the directories the walk opened (and those that are gone): the rest are the very same listing.</summary>
    private static int CountChanged(IReadOnlyDictionary<string, ListedDirectory> before, Dictionary<string, ListedDirectory> after)
    {
        var count = 0;
        foreach (var (prefix, directory) in after)
        {
            var old = before.GetValueOrDefault(prefix);
            if (!ReferenceEquals(old, directory))
            {
                var was = Listed(old).ToDictionary(f => f.Path, f => f.ContentId, StringComparer.Ordinal);
                var now = Listed(directory).ToList();
                count += now.Count(f => !was.TryGetValue(f.Path, out var id) || id != f.ContentId);
                count += was.Keys.Except(now.Select(f => f.Path), StringComparer.Ordinal).Count();
            }
        }

        return count + before.Where(d => !after.ContainsKey(d.Key)).Sum(d => Listed(d.Value).Count());
    }

    private static IEnumerable<ManifestFile> Listed(ListedDirectory? directory) =>
        directory is null ? [] : directory.Files.Concat(directory.DataFiles).Append(directory.Settings).OfType<ManifestFile>();
}

/// <summary>What one listing did: tree entries enumerated, directories re-used from the last listing, directories opened.</summary>
internal sealed record ListingWork(int EntriesVisited, int DirectoriesReused, int DirectoriesOpened);

/// <summary>How many listed files differ from commit <paramref name="From"/> to <paramref name="To"/>.</summary>
internal sealed record ListingChange(string From, string To, int Count);

namespace Reconciler.Git;

/// <summary>The source's questions about history between commits already in the cache: ancestry and what changed.</summary>
public sealed partial class GitRepositorySource
{
    public bool? IsInHistoryOf(string revision, string descendant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        ArgumentException.ThrowIfNullOrWhiteSpace(descendant);
        try
        {
            return Locked(() =>
            {
                var repository = OpenExisting(descendant);
                var earlier = FindCommit(repository, revision);
                var later = FindCommit(repository, descendant);

                // The merge base of an ancestor and its descendant is the ancestor itself.
                return Guarded(() => earlier.Id == later.Id || repository.ObjectDatabase.FindMergeBase(earlier, later)?.Id == earlier.Id);
            });
        }
        catch (GitSourceException e) when (e.Kind == GitSourceErrorKind.CommitNotFound)
        {
            return null;
        }
    }

    public int? CountChanged(string? previous, string current)
    {
        try
        {
            // The last fetch's own change is counted from its listing (the service logs it on the push's path); others by a tree diff.
            return previous is null ? ReadTree(current).Files.Count
                : _listings.LastChange is { } change && change.From == previous && change.To == current ? change.Count
                : ChangedPaths(previous, current).Count;
        }
        catch (GitSourceException)
        {
            return null;
        }
    }

    /// <summary>Manifest paths (relative to the manifest root) added, modified, deleted or renamed (both names) between two cached commits.</summary>
    /// <exception cref="GitSourceException">CommitNotFound, or CorruptCache.</exception>
    public IReadOnlyList<string> ChangedPaths(string fromCommit, string toCommit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromCommit);
        ArgumentException.ThrowIfNullOrWhiteSpace(toCommit);
        return Locked(() =>
        {
            var repository = OpenExisting(toCommit);
            var from = FindCommit(repository, fromCommit);
            var to = FindCommit(repository, toCommit);
            return Guarded(() => TreeDiff.ChangedPaths(repository, from, to, _root, Options.Glob));
        });
    }
}

using LibGit2Sharp;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Paths that differ between two commits under the manifest root, relative to it: added, modified, type
/// changed, deleted, and both names of a rename. Only paths the glob matches (and CSV files, which TaskSets read)
/// are returned: the caller re-reads these and nothing else. Comparing the two sub-trees lets libgit2 skip every unchanged directory by id.
/// </summary>
internal static class TreeDiff
{
    private static readonly CompareOptions Options = new()
    {
        Similarity = SimilarityOptions.Renames,
        ContextLines = 0,
    };

    public static IReadOnlyList<string> ChangedPaths(Repository repository, Commit from, Commit to, string root, ManifestGlob glob)
    {
        if (from.Tree.Id == to.Tree.Id)
        {
            return [];
        }

        var oldTree = TreeSnapshotReader.SubTree(from, root);
        var newTree = TreeSnapshotReader.SubTree(to, root);
        if (oldTree is null && newTree is null)
        {
            return [];
        }

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        using var changes = repository.Diff.Compare<TreeChanges>(oldTree, newTree, Options);
        foreach (var change in changes)
        {
            foreach (var path in new[] { change.OldPath, change.Path })
            {
                if (!string.IsNullOrEmpty(path) && (glob.IsMatch(path) || DataFiles.IsDataFile(path)))
                {
                    paths.Add(path);
                }
            }
        }

        return [.. paths];
    }
}

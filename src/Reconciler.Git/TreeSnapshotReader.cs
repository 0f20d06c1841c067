using LibGit2Sharp;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Lists the manifests of one commit straight from its tree (no checkout): every blob under the manifest
/// root that the glob matches, with its blob id and size; content is read only when asked for.
/// Symbolic links and submodules are never followed (a link's target may leave the tree, a submodule's
/// content lives in another repository); they are reported instead — see <see cref="TreeEntryDiagnostics"/>.
/// </summary>
internal static class TreeSnapshotReader
{
    /// <param name="reader">Makes the lazy reader of one blob; called once per listed file.</param>
    /// <param name="previous">The previous listing's directories (null: walk the whole tree); directories whose tree id is unchanged are re-used.</param>
    public static (SourceSnapshot Snapshot, TreeWalk Walk) Read(
        Repository repository,
        Commit commit,
        string root,
        ManifestGlob glob,
        Func<ObjectId, Func<ReadOnlyMemory<byte>>> reader,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, ListedDirectory>? previous = null)
    {
        var diagnostics = new List<Diagnostic>();
        var walk = new TreeWalk(repository, glob, previous, cancellationToken);
        var tree = SubTree(commit, root, diagnostics);
        if (tree is not null)
        {
            walk.Visit(tree, "");
            walk.Finish(reader, id => repository.ObjectDatabase.RetrieveObjectMetadata(id).Size);
        }

        var directories = walk.Directories.Values;
        var files = directories.SelectMany(d => d.Files).ToList();
        var data = directories.SelectMany(d => d.DataFiles).ToList();
        diagnostics.AddRange(directories.SelectMany(d => d.Diagnostics));
        SortByPath(files);
        SortByPath(data);
        var settings = walk.Directories.GetValueOrDefault("")?.Settings;
        var snapshot = new SourceSnapshot(commit.Sha, files, DiagnosticOrder.Sort(diagnostics)) { Settings = settings, DataFiles = data, Policy = PolicyBlob(repository, tree, reader) };
        return (snapshot, walk);
    }

    /// <summary>Files in ordinal path order; a tree walk mostly gives them so already, and checking is cheaper than sorting.</summary>
    private static void SortByPath(List<ManifestFile> files)
    {
        for (var i = 1; i < files.Count; i++)
        {
            if (string.CompareOrdinal(files[i - 1].Path, files[i].Path) > 0)
            {
                files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                return;
            }
        }
    }

    /// <summary>The policy file, read straight from the tree (its hidden folder is never walked); a link or a folder in its place is not read.</summary>
    private static ManifestFile? PolicyBlob(Repository repository, Tree? tree, Func<ObjectId, Func<ReadOnlyMemory<byte>>> reader)
    {
        if (tree?[RepositoryPolicy.FilePath] is not { TargetType: TreeEntryTargetType.Blob, Mode: Mode.NonExecutableFile or Mode.ExecutableFile } entry)
        {
            return null;
        }

        var id = entry.Target.Id;
        return new ManifestFile(RepositoryPolicy.FilePath, id.Sha, repository.ObjectDatabase.RetrieveObjectMetadata(id).Size, reader(id));
    }

    /// <summary>The tree at <paramref name="root"/> in a commit, or null (with a diagnostic when a list is given) when it is missing or not a directory.</summary>
    public static Tree? SubTree(Commit commit, string root, List<Diagnostic>? diagnostics = null)
    {
        if (root.Length == 0)
        {
            return commit.Tree;
        }

        var entry = commit.Tree[root];
        if (entry?.TargetType == TreeEntryTargetType.Tree)
        {
            return (Tree)entry.Target;
        }

        // An error, not an empty snapshot: a mistyped path must not make every task look removed.
        diagnostics?.Add(entry is null
            ? Diagnostic.Error("git-path-missing", $"the manifest directory '{root}' does not exist at commit {commit.Id.ToString(12)}")
            : Diagnostic.Error("git-path-not-directory", $"the manifest path '{root}' is not a directory at commit {commit.Id.ToString(12)}"));
        return null;
    }
}

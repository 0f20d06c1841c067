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
    /// <param name="knownSize">The size of a blob listed before (null: unknown, its header is read).</param>
    public static SourceSnapshot Read(
        Repository repository,
        Commit commit,
        string root,
        ManifestGlob glob,
        Func<ObjectId, Func<ReadOnlyMemory<byte>>> reader,
        CancellationToken cancellationToken,
        Func<ObjectId, long?>? knownSize = null)
    {
        long Size(ObjectId id) => knownSize?.Invoke(id) ?? repository.ObjectDatabase.RetrieveObjectMetadata(id).Size;

        var diagnostics = new List<Diagnostic>();
        var blobs = new List<(string Path, ObjectId Id)>();
        var tree = SubTree(commit, root, diagnostics);
        if (tree is not null)
        {
            new Walk(repository, glob, blobs, diagnostics, cancellationToken).Visit(tree, "");
        }

        var matches = GlobBatch.Matches(glob, blobs.Select(b => b.Path).ToList());
        var files = new List<ManifestFile>(matches.Count);
        var data = new List<ManifestFile>();
        ManifestFile? settings = null;
        foreach (var (path, id) in blobs)
        {
            if (path == RepositorySettings.FileName)
            {
                // The repository's settings, read whatever the glob says and never as a manifest.
                settings = new ManifestFile(path, id.Sha, Size(id), reader(id));
            }
            else if (matches.Contains(path))
            {
                // A header read (unless the blob was listed before): the size without inflating the content.
                files.Add(new ManifestFile(path, id.Sha, Size(id), reader(id)));
            }
            else if (DataFiles.IsDataFile(path) && !InExcludedDirectory(glob, path))
            {
                // A TaskSet's CSV comes from this same tree, so a set and its items are always of one commit.
                data.Add(new ManifestFile(path, id.Sha, Size(id), reader(id)));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        data.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new SourceSnapshot(commit.Sha, files, DiagnosticOrder.Sort(diagnostics)) { Settings = settings, DataFiles = data, Policy = PolicyBlob(repository, tree, reader) };
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

    /// <summary>Whether a file's directory is one the directory source would not enter (hidden, or excluded by the glob).</summary>
    private static bool InExcludedDirectory(ManifestGlob glob, string path) =>
        path.LastIndexOf('/') is var slash and > 0 && glob.IsExcludedDirectory(path[..slash]);

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

    /// <summary>Collects every plain blob with its path; links and submodules become diagnostics on the way.</summary>
    private sealed class Walk(
        Repository repository,
        ManifestGlob glob,
        List<(string Path, ObjectId Id)> blobs,
        List<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        private int _visited;

        public void Visit(Tree tree, string prefix)
        {
            foreach (var entry in tree)
            {
                if (++_visited % 512 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var path = prefix + entry.Name;
                if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // libgit2 names are bytes; a name that is not valid UTF-8 reaches us with U+FFFD and cannot be kept apart.
                    AddIfNotNull(TreeEntryDiagnostics.ForUndecodableName(path, entry.Mode == Mode.Directory, glob));
                    continue;
                }

                switch (entry.Mode)
                {
                    case Mode.Directory:
                        Visit((Tree)entry.Target, path + "/");
                        break;
                    case Mode.SymbolicLink:
                        AddIfNotNull(TreeEntryDiagnostics.ForSymbolicLink(repository, entry, path, glob));
                        break;
                    case Mode.GitLink:
                        AddIfNotNull(TreeEntryDiagnostics.ForSubmodule(path, glob));
                        break;
                    case Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile when entry.TargetType == TreeEntryTargetType.Blob:
                        blobs.Add((path, entry.Target.Id));
                        break;
                    default:
                        AddIfNotNull(TreeEntryDiagnostics.ForOtherEntry(path, entry.Mode, glob));
                        break;
                }
            }
        }

        private void AddIfNotNull(Diagnostic? diagnostic)
        {
            if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }
        }
    }
}

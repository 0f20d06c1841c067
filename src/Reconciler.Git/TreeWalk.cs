using LibGit2Sharp;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Walks a commit's manifest tree directory by directory. A directory whose tree id equals the one the previous
/// listing walked under the same prefix is taken from that listing (with everything below it) without opening a tree;
/// only the directories a commit changed are read. Links and submodules become diagnostics on the way
/// (<see cref="TreeEntryDiagnostics"/>), exactly as a walk of the whole tree gives them.
/// </summary>
internal sealed class TreeWalk(
    Repository repository,
    ManifestGlob glob,
    IReadOnlyDictionary<string, ListedDirectory>? previous,
    CancellationToken cancellationToken)
{
    private readonly List<OpenedDirectory> _opened = [];

    /// <summary>Every directory of this listing by prefix (<c>""</c> for the root, then <c>a/</c>, <c>a/b/</c>).</summary>
    public Dictionary<string, ListedDirectory> Directories { get; } = new(StringComparer.Ordinal);

    /// <summary>Tree entries this walk enumerated (a directory re-used from the previous listing enumerates none).</summary>
    public int EntriesVisited { get; private set; }

    /// <summary>Directories re-used from the previous listing, subdirectories included.</summary>
    public int DirectoriesReused { get; private set; }

    public void Visit(Tree tree, string prefix)
    {
        if (previous is not null && previous.TryGetValue(prefix, out var listed) && listed.Tree == tree.Id)
        {
            Reuse(prefix, listed);
            return;
        }

        var opened = new OpenedDirectory(prefix, tree.Id);
        foreach (var entry in tree)
        {
            if (++EntriesVisited % 512 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Add(opened, entry, prefix + entry.Name);
        }

        _opened.Add(opened);
    }

    /// <summary>The directories this walk opened, with their files classified and sized: the glob is matched once over all of them.</summary>
    public void Finish(Func<ObjectId, Func<ReadOnlyMemory<byte>>> reader, Func<ObjectId, long> readSize)
    {
        var matches = GlobBatch.Matches(glob, _opened.SelectMany(o => o.Blobs).Select(b => b.Path).ToList());
        foreach (var opened in _opened)
        {
            var known = previous?.GetValueOrDefault(opened.Prefix) is { } before ? KnownSizes(before) : null;
            long Size(ObjectId id) => known is not null && known.TryGetValue(id.Sha, out var size) ? size : readSize(id);

            var files = new List<ManifestFile>();
            var data = new List<ManifestFile>();
            ManifestFile? settings = null;
            foreach (var (path, id) in opened.Blobs)
            {
                if (path == RepositorySettings.FileName)
                {
                    // The repository's settings, read whatever the glob says and never as a manifest.
                    settings = new ManifestFile(path, id.Sha, Size(id), reader(id));
                }
                else if (matches.Contains(path))
                {
                    // A header read (unless the blob was listed here before): the size without inflating the content.
                    files.Add(new ManifestFile(path, id.Sha, Size(id), reader(id)));
                }
                else if (DataFiles.IsDataFile(path) && !InExcludedDirectory(path))
                {
                    // A TaskSet's CSV comes from this same tree, so a set and its items are always of one commit.
                    data.Add(new ManifestFile(path, id.Sha, Size(id), reader(id)));
                }
            }

            Directories[opened.Prefix] = new ListedDirectory(opened.Tree, files, data, settings, opened.Diagnostics, opened.Children);
        }

        _opened.Clear();
    }

    private void Add(OpenedDirectory opened, TreeEntry entry, string path)
    {
        if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // libgit2 names are bytes; a name that is not valid UTF-8 reaches us with U+FFFD and cannot be kept apart.
            opened.AddIfNotNull(TreeEntryDiagnostics.ForUndecodableName(path, entry.Mode == Mode.Directory, glob));
            return;
        }

        switch (entry.Mode)
        {
            case Mode.Directory:
                opened.Children.Add(path + "/");
                Visit((Tree)entry.Target, path + "/");
                break;
            case Mode.SymbolicLink:
                opened.AddIfNotNull(TreeEntryDiagnostics.ForSymbolicLink(repository, entry, path, glob));
                break;
            case Mode.GitLink:
                opened.AddIfNotNull(TreeEntryDiagnostics.ForSubmodule(path, glob));
                break;
            case Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile when entry.TargetType == TreeEntryTargetType.Blob:
                opened.Blobs.Add((path, entry.Target.Id));
                break;
            default:
                opened.AddIfNotNull(TreeEntryDiagnostics.ForOtherEntry(path, entry.Mode, glob));
                break;
        }
    }

    private void Reuse(string prefix, ListedDirectory listed)
    {
        Directories[prefix] = listed;
        DirectoriesReused++;
        foreach (var child in listed.Children)
        {
            // The same tree id, so the same subdirectories with the same ids: the previous listing holds each of them.
            Reuse(child, previous![child]);
        }
    }

    /// <summary>Whether a file's directory is one the directory source would not enter (hidden, or excluded by the glob).</summary>
    private bool InExcludedDirectory(string path) =>
        path.LastIndexOf('/') is var slash and > 0 && glob.IsExcludedDirectory(path[..slash]);

    private static Dictionary<string, long> KnownSizes(ListedDirectory listed)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in listed.Files.Concat(listed.DataFiles).Append(listed.Settings).OfType<ManifestFile>())
        {
            sizes.TryAdd(file.ContentId!, file.Length);
        }

        return sizes;
    }

    /// <summary>A directory being read: its plain blobs (classified in <see cref="Finish"/>), diagnostics and subdirectories.</summary>
    private sealed record OpenedDirectory(string Prefix, ObjectId Tree)
    {
        public List<(string Path, ObjectId Id)> Blobs { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<string> Children { get; } = [];

        public void AddIfNotNull(Diagnostic? diagnostic)
        {
            if (diagnostic is not null)
            {
                Diagnostics.Add(diagnostic);
            }
        }
    }
}

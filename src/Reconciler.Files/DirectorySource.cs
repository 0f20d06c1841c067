using Reconciler.Core.Diagnostics;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Core.TaskSets;

namespace Reconciler.Files;

/// <summary>
/// Manifests from a directory on disk (a checkout). Files are listed by the glob; symbolic links are
/// followed only while they stay inside the directory — a link leading outside is reported, never read.
/// </summary>
/// <remarks>
/// Only regular files are ever opened. Everything else the glob matches becomes an error diagnostic naming
/// it, and the rest is still planned: a FIFO, a device or a socket (opening a FIFO would wait forever, reading
/// <c>/dev/zero</c> would never end), a dangling link, a name that is not valid UTF-8, a directory that cannot
/// be listed. Reads stop one byte past <paramref name="maxFileBytes"/>. An error diagnostic on a file (or, with
/// a trailing <c>/</c>, on a directory) keeps the tasks recorded from it managed: see
/// <see cref="Reconciler.Core.Validation.DesiredState"/>.
/// <para>
/// CSV files (a TaskSet's items, <see cref="DataFiles"/>) are listed by the same walk under the same rules, whatever
/// the glob says. One that cannot be read (a link leading outside, not a regular file) is listed with a reader that
/// says why, so the problem is reported where a set names it and an unrelated CSV never fails a plan.
/// </para>
/// <para>
/// As an <see cref="IManifestSource"/> (what the service and the pull-request watcher read), a directory has one
/// revision, the files as they are now: <see cref="ReadLatestAsync"/> walks it again, it has no other revision, and
/// how many files changed is unknown.
/// </para>
/// </remarks>
public sealed class DirectorySource(string directory, ManifestGlob? glob = null, long? maxFileBytes = null) : IManifestSource
{
    private readonly ManifestGlob _glob = glob ?? ManifestGlob.Default;
    private readonly long _limit = maxFileBytes ?? LoaderLimits.Default.MaxFileBytes;

    public string DisplayName => directory;

    /// <summary>The files as they are now (<see cref="Read"/>), with its failures as the port's.</summary>
    /// <exception cref="SourceUnavailableException">The directory does not exist or cannot be listed.</exception>
    public Task<SourceSnapshot> ReadLatestAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(Read());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceUnavailableException(e is DirectoryNotFoundException ? "not_found" : "unreadable", e.Message, e);
        }
    }

    /// <summary>A directory has no revisions but the present one.</summary>
    public Task<SourceSnapshot?> ReadRevisionAsync(string revision, CancellationToken cancellationToken) => Task.FromResult<SourceSnapshot?>(null);

    /// <summary>A directory has one revision and no history.</summary>
    public bool? IsInHistoryOf(string revision, string descendant) => null;

    /// <summary>Unknown: a directory keeps no history to compare with.</summary>
    public int? CountChanged(string? previous, string current) => null;

    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">The directory itself cannot be listed (nothing could be planned from it).</exception>
    public SourceSnapshot Read()
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"manifest directory '{directory}' does not exist");
        }

        var root = RealPath.Of(directory);
        var walk = new Walk(_glob, _limit, root);
        if (!Walk.TryList(root, out var entries, out var problem))
        {
            throw new IOException($"cannot read the manifest directory '{directory}': {problem}");
        }

        walk.Visit(entries, "");
        var settings = walk.Files.Find(f => f.Path == RepositorySettings.FileName);
        var policy = walk.Files.Find(f => f.Path == RepositoryPolicy.FilePath);
        return new SourceSnapshot(null, walk.Files.Where(f => f != settings && f != policy).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), DiagnosticOrder.Sort(walk.Diagnostics))
        {
            Settings = settings,
            Policy = policy,
            DataFiles = walk.Data.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
        };
    }

    private sealed class Walk(ManifestGlob glob, long limit, string root)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal) { root };

        public List<ManifestFile> Files { get; } = [];

        public List<ManifestFile> Data { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public static bool TryList(string physical, out List<FileSystemInfo> entries, out string? problem)
        {
            try
            {
                entries = new DirectoryInfo(physical).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
                problem = null;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries = [];
                problem = e is UnauthorizedAccessException ? "permission denied" : PathStatus.Of(physical).Problem ?? "it cannot be listed";
                return false;
            }
        }

        public void Visit(List<FileSystemInfo> entries, string relative)
        {
            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                var looksLikeDirectory = entry is DirectoryInfo;
                // Read whatever the glob says, never as a manifest: the settings, and the policy in its hidden folder (nothing else there).
                var isSettings = path is RepositorySettings.FileName or RepositoryPolicy.Folder or RepositoryPolicy.FilePath;
                if (path.StartsWith(RepositoryPolicy.Folder + "/", StringComparison.Ordinal) && path != RepositoryPolicy.FilePath)
                {
                    continue;
                }

                var isData = !looksLikeDirectory && DataFiles.IsDataFile(path);
                if (!isSettings && !isData && (looksLikeDirectory ? glob.IsExcludedDirectory(path) : !glob.IsMatch(path)))
                {
                    continue;
                }

                var status = PathStatus.Of(entry.FullName);
                if (status.Kind == FileKind.Missing && entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // .NET decodes names as UTF-8 with U+FFFD for bad bytes, so it cannot spell this name back.
                    Problem(path, looksLikeDirectory, "file-name-encoding", "its name is not valid UTF-8 (shown with \uFFFD for the bad bytes), so it cannot be read; rename it");
                    continue;
                }

                var physical = entry.FullName;
                if (status.Kind == FileKind.SymbolicLink)
                {
                    physical = RealPath.Of(entry.FullName);
                    if (!RealPath.IsInside(physical, root))
                    {
                        if (isData && !glob.IsMatch(path))
                        {
                            Unreadable(path, "it is a symbolic link leading outside the manifest directory; it is not read");
                            continue;
                        }

                        Diagnostics.Add(Diagnostic.Error("file-symlink", $"symbolic link '{path}' leads outside the manifest directory; it is not read", SourceLocation.StartOf(path)));
                        continue;
                    }

                    status = PathStatus.Of(physical);
                    if (status.Kind == FileKind.Missing && isData && !glob.IsMatch(path))
                    {
                        Unreadable(path, $"it is a symbolic link to '{entry.LinkTarget}', which does not exist");
                        continue;
                    }

                    if (status.Kind == FileKind.Missing)
                    {
                        Problem(path, false, "file-symlink-dangling", $"it is a symbolic link to '{entry.LinkTarget}', which does not exist; it is not read");
                        continue;
                    }
                }

                Take(path, physical, status);
            }
        }

        private void Take(string path, string physical, PathStatus status)
        {
            switch (status.Kind)
            {
                case FileKind.Regular when DataFiles.IsDataFile(path) && !glob.IsMatch(path):
                    Data.Add(new ManifestFile(path, null, status.Size, Reader(path, physical, TaskSetLimits.Default.MaxCsvBytes)));
                    return;
                case not (FileKind.Regular or FileKind.Directory) when DataFiles.IsDataFile(path) && !glob.IsMatch(path):
                    Unreadable(path, status.Kind is FileKind.Missing or FileKind.Inaccessible
                        ? $"it cannot be read ({status.Problem ?? "it disappeared while the directory was being read"})"
                        : $"it is {FileKinds.Describe(status.Kind)}, not a regular file; only regular files are read");
                    return;
                case FileKind.Directory:
                    if ((glob.IsExcludedDirectory(path) && path != RepositoryPolicy.Folder) || !_visited.Add(physical))
                    {
                        return;
                    }

                    if (TryList(physical, out var entries, out var problem))
                    {
                        Visit(entries, path);
                    }
                    else
                    {
                        Problem(path, true, "directory-unreadable", $"cannot read this directory: {problem}; manifests inside it are not planned");
                    }

                    return;
                case FileKind.Regular when glob.IsMatch(path) || path is RepositorySettings.FileName or RepositoryPolicy.FilePath:
                    Files.Add(new ManifestFile(path, null, status.Size, Reader(path, physical, limit)));
                    return;
                case FileKind.Regular:
                    return;
                case FileKind.Missing:
                    Problem(path, false, "file-unreadable", "it disappeared while the directory was being read; run again");
                    return;
                case FileKind.Inaccessible:
                    Problem(path, false, "file-unreadable", $"cannot read it: {status.Problem}");
                    return;
                default:
                    if (glob.IsMatch(path) || path is RepositorySettings.FileName or RepositoryPolicy.FilePath)
                    {
                        Problem(path, false, "file-not-regular", $"it is {FileKinds.Describe(status.Kind)}, not a regular file; only regular files are read, so it is not opened");
                    }

                    return;
            }
        }

        /// <summary>
        /// The reader of a listed file. A file found where its path says (the root, '/', the path: every file not reached
        /// through a symbolic link) is read by that path, put together when read, so the listing holds no second, absolute
        /// copy of each path (about 150 bytes a file, 15 MB at 100,000 files, held for the whole plan).
        /// </summary>
        private Func<ReadOnlyMemory<byte>> Reader(string path, string physical, long max) =>
            physical.Length == root.Length + 1 + path.Length && physical.StartsWith(root, StringComparison.Ordinal)
                && physical[root.Length] == '/' && physical.EndsWith(path, StringComparison.Ordinal)
                ? ReadAt(root, path, max)
                : ReadFrom(physical, max);

        // Two methods, so that each reader's closure holds only what it reads by.
        private static Func<ReadOnlyMemory<byte>> ReadAt(string root, string path, long max) => () => BoundedFileReader.Read(string.Concat(root, "/", path), max);

        private static Func<ReadOnlyMemory<byte>> ReadFrom(string physical, long max) => () => BoundedFileReader.Read(physical, max);

        /// <summary>A data file that cannot be read: listed with a reader that says why, reported only where a set names it.</summary>
        private void Unreadable(string path, string why) =>
            Data.Add(new ManifestFile(path, null, 0, () => throw new IOException(why)));

        /// <summary>An error naming the file, or the directory with a trailing '/' (which keeps every task recorded below it managed).</summary>
        private void Problem(string path, bool isDirectory, string code, string message)
        {
            var location = isDirectory ? path + "/" : path;
            var noun = isDirectory ? "directory" : "file";
            Diagnostics.Add(Diagnostic.Error(code, $"{noun} '{location}': {message}", SourceLocation.StartOf(location)));
        }
    }
}

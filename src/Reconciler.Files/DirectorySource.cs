using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Files;

/// <summary>
/// Manifests from a directory on disk (a checkout). Files are listed by the glob; symbolic links are
/// followed only while they stay inside the directory — a link leading outside is reported, never read.
/// </summary>
public sealed class DirectorySource(string directory, ManifestGlob? glob = null)
{
    private readonly ManifestGlob _glob = glob ?? ManifestGlob.Default;

    public SourceSnapshot Read()
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"manifest directory '{directory}' does not exist");
        }

        var root = RealPath.Of(directory);
        var files = new List<ManifestFile>();
        var diagnostics = new List<Diagnostic>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        Walk(root, "", root, files, diagnostics, visited);
        return new SourceSnapshot(null, files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), diagnostics);
    }

    private void Walk(string physical, string relative, string root, List<ManifestFile> files, List<Diagnostic> diagnostics, HashSet<string> visited)
    {
        foreach (var entry in new DirectoryInfo(physical).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            var isDirectory = entry is DirectoryInfo;
            if (isDirectory ? !MayContainManifests(path) : !_glob.IsMatch(path))
            {
                continue;
            }

            var real = entry.LinkTarget is null ? entry.FullName : RealPath.Of(entry.FullName);
            if (!RealPath.IsInside(real, root))
            {
                diagnostics.Add(Diagnostic.Error("file-symlink", $"symbolic link '{path}' leads outside the manifest directory; it is not read", SourceLocation.StartOf(path)));
                continue;
            }

            if (isDirectory || Directory.Exists(real))
            {
                if (visited.Add(real))
                {
                    Walk(real, path, root, files, diagnostics, visited);
                }

                continue;
            }

            if (File.Exists(real))
            {
                var length = new FileInfo(real).Length;
                files.Add(new ManifestFile(path, null, length, () => File.ReadAllBytes(real)));
            }
        }
    }

    private bool MayContainManifests(string directoryPath) => !_glob.IsExcludedDirectory(directoryPath);
}

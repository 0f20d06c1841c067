using Reconciler.Core.Manifests;

namespace Reconciler.Core.Sources;

/// <summary>
/// Files a manifest may name besides the manifests themselves: the CSV item files of TaskSets (<c>itemsFrom</c>).
/// A source lists them from the same snapshot as the manifests (the same git tree, the same directory walk, with
/// the same rules: regular files only, no symbolic link leading outside, no hidden directories), so a set and its
/// CSV always come from one revision. Only <c>*.csv</c> files (any letter case) are data files.
/// </summary>
public sealed class DataFiles
{
    private readonly Dictionary<string, ManifestFile> _byPath;

    public DataFiles(IEnumerable<ManifestFile> files)
    {
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public static DataFiles None { get; } = new([]);

    public int Count => _byPath.Count;

    /// <summary>Whether a path (relative, with '/') is a data file a source should list.</summary>
    public static bool IsDataFile(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public ManifestFile? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>
    /// <paramref name="relative"/> (as written in <paramref name="manifestPath"/>) as a path from the manifest root, with
    /// '.' and '..' resolved; null when it is absolute or leads outside the root.
    /// </summary>
    public static string? Resolve(string manifestPath, string relative)
    {
        if (relative.Length == 0 || relative.StartsWith('/') || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var slash = manifestPath.LastIndexOf('/');
        var parts = new List<string>(slash < 0 ? [] : manifestPath[..slash].Split('/'));
        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null; // above the manifest root: never read
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(segment);
                    continue;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}

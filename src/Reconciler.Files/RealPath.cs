namespace Reconciler.Files;

/// <summary>
/// The physical path of a file or directory with every symbolic link along it resolved (like
/// <c>realpath</c>), so containment checks cannot be fooled by a link in the middle of a path.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var resolved = root;
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var links = 0;
        while (pending.TryDequeue(out var segment))
        {
            var candidate = Path.Combine(resolved, segment);
            var info = new FileInfo(candidate);
            if (info.LinkTarget is { } target && links++ < MaxLinks)
            {
                var targetPath = Path.GetFullPath(target, resolved);
                var rest = pending.ToList();
                pending = new Queue<string>(targetPath[(Path.GetPathRoot(targetPath) ?? "/").Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                resolved = Path.GetPathRoot(targetPath) ?? "/";
                continue;
            }

            resolved = candidate;
        }

        return resolved;
    }

    public static bool IsInside(string path, string directory)
    {
        var dir = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(dir, StringComparison.Ordinal) || path == directory;
    }
}

namespace Reconciler.Git;

/// <summary>The sub-directory that holds the manifests, as a tree path: forward slashes, no leading or trailing slash, "" for the root.</summary>
internal static class ManifestRoot
{
    public static string Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "";
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .ToArray();
        if (segments.Any(s => s == ".."))
        {
            throw new ArgumentException($"the manifest path '{path}' must stay inside the repository (no '..')", nameof(path));
        }

        return string.Join('/', segments);
    }
}

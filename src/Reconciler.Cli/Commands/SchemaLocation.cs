namespace Reconciler.Cli.Commands;

/// <summary>Where the task schema is for a new manifest's <c>$schema</c> comment: the nearest <c>schemas/</c> up the tree.</summary>
internal static class SchemaLocation
{
    public const string RelativeToRepository = "schemas/task.schema.json";

    /// <summary>The nearest ancestor's <c>schemas/task.schema.json</c>; else where it belongs at the git root (or the root given).</summary>
    public static string Find(string root)
    {
        for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeToRepository);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return candidate;
            }
        }

        return Path.Combine(root, RelativeToRepository);
    }
}

namespace Reconciler.Git;

internal static class FileSystem
{
    /// <summary>Deletes a directory tree, best effort. Git marks object files read-only, which blocks deletion on Windows.</summary>
    public static void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder is removed on the next re-clone; it must not mask the real outcome.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

using Microsoft.Data.Sqlite;

namespace Reconciler.Testing;

/// <summary>A fresh folder under the system temp directory, removed (best effort) on dispose.</summary>
public sealed class TestDirectory : IDisposable
{
    public TestDirectory(string prefix = "reconciler")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reconciler-tests", $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A state path like the CLI's default, <c>.reconciler/state.db</c>; neither it nor its folder exists yet.</summary>
    public string StatePath => Combine(".reconciler", "state.db");

    /// <summary>Writes a UTF-8 file (creating its directories) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Writes a file of exactly these bytes (creating its directories) and returns its full path.</summary>
    public string WriteBytes(string relative, byte[] content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Copies a directory of the test output (e.g. <c>sample-repo</c>) into this one.</summary>
    public void CopyFromOutput(string relative)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Combine(relative, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep state files open; close them before deleting.
        SqliteConnection.ClearAllPools();
        Delete(Path);
    }

    /// <summary>Deletes a tree even when git made its object files read-only; leftovers in temp are harmless.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                return;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

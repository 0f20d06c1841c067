namespace Reconciler.Cli.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted (best effort) when disposed.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory() => Path = Directory.CreateTempSubdirectory("reconciler-cli-").FullName;

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a UTF-8 file (creating its directories) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a directory of the test output (e.g. <c>sample-repo</c>) into this one.</summary>
    public void CopyFromOutput(string relative)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Combine(System.IO.Path.Combine(relative, System.IO.Path.GetRelativePath(source, file)));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process that was killed may still be releasing a file; the temp folder is cleaned eventually.
        }
    }
}

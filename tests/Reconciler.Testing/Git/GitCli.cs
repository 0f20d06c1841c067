namespace Reconciler.Testing.Git;

/// <summary>The git command line, needed only to serve repositories over git:// and http in transport tests.</summary>
public static class GitCli
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The full path of the git executable, or null when it is not on PATH.</summary>
    public static string? Executable => Found.Value;

    /// <summary>Why transport tests are skipped, or null when git is available.</summary>
    public static string? SkipReason => Executable is null
        ? "the git CLI is not on PATH: serving repositories over git:// and http needs `git daemon` and `git http-backend` (install git to run these tests)"
        : null;

    private static string? Find()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "git.exe", "git.cmd" } : ["git"];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

using System.Runtime.CompilerServices;

namespace Reconciler.Core.Tests;

/// <summary>
/// Golden-file comparison: the whole rendered text against a file in testdata/golden. After a
/// deliberate change, re-write the files with RECONCILER_UPDATE_GOLDEN=1 dotnet test, and review the diff.
/// </summary>
internal static class Golden
{
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerFile), "testdata", "golden");
        var path = Path.Combine(directory, name);
        if (Environment.GetEnvironmentVariable("RECONCILER_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with RECONCILER_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    private static string ProjectDirectory(string callerFile)
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        while (!Directory.EnumerateFiles(directory, "*.csproj").Any())
        {
            directory = Path.GetDirectoryName(directory)!;
        }

        return directory;
    }
}

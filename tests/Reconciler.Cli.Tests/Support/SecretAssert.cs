using System.Text;

namespace Reconciler.Cli.Tests.Support;

/// <summary>Asserts that a token appears in no output and in none of the bytes of the state files.</summary>
internal static class SecretAssert
{
    public static void NotPrinted(string token, CliResult result)
    {
        Assert.DoesNotContain(token, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Error, StringComparison.Ordinal); // log lines go to stderr
    }

    /// <summary>Every file of the state directory: state.db, its -wal and -shm while they exist, state.db.lock.</summary>
    /// <returns>The names of the files that were read.</returns>
    public static IReadOnlyList<string> NotInFiles(string token, string stateDirectory)
    {
        var files = Directory.GetFiles(stateDirectory);
        var needle = Encoding.UTF8.GetBytes(token);
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(needle) < 0, $"the token is in {file}");
        }

        return files.Select(Path.GetFileName).ToList()!;
    }
}

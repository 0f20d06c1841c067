namespace Reconciler.Benchmarks.SideBySide;

/// <summary>A generated corpus kept between runs: made again only when its version marker is missing or older.</summary>
internal static class GeneratedDirectory
{
    /// <param name="generate">Fills <paramref name="root"/> (emptied first); the marker is written only after it succeeded.</param>
    public static async Task EnsureAsync(string root, string version, Func<Task> generate)
    {
        var marker = Path.Combine(root, "complete");
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker) == version)
        {
            return;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        await generate();
        await File.WriteAllTextAsync(marker, version);
    }
}

using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.SavedPlans;

namespace Reconciler.Core.Tests.SavedPlans;

/// <summary>
/// The digest is hashed line by line as the files are read; a saved plan written before compares with it, so it must be
/// exactly the digest of the whole listing's text, as it was first computed (<see cref="WholeText"/>).
/// </summary>
public sealed class ManifestDigestTests
{
    [Fact]
    public void Of_HashedLineByLine_IsTheDigestOfTheWholeText()
    {
        var snapshot = new SourceSnapshot("abc", [
            ManifestFile.FromText("tasks/b.yaml", "name: b\n"),
            ManifestFile.FromText("tasks/a 任务.yaml", "name: 任务\n"),
            ManifestFile.FromText("tasks/\uD800lone.yaml", "x"),
            ManifestFile.FromText("tasks/\uD83D\uDE00.yaml", "emoji"),
            new ManifestFile("tasks/huge.yaml", null, LoaderLimits.Default.MaxFileBytes + 1, () => throw new InvalidOperationException("never read")),
            new ManifestFile("tasks/gone.yaml", null, 10, () => throw new IOException("gone")),
        ], [])
        {
            DataFiles = [ManifestFile.FromText("items/east.csv", "task_id,name\nt1,一\n")],
        };

        Assert.Equal(WholeText(snapshot), ManifestDigest.Of(snapshot));
    }

    [Fact]
    public void Of_NoFiles_IsTheDigestOfNothing() =>
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), ManifestDigest.Of(new SourceSnapshot(null, [], [])));

    /// <summary>The digest as first written: the whole listing as one string, then its UTF-8 bytes hashed.</summary>
    private static string WholeText(SourceSnapshot snapshot)
    {
        static string Content(ManifestFile file, long max)
        {
            if (file.Length > max)
            {
                return $"over the size limit: {file.Length} bytes";
            }

            try
            {
                return Convert.ToHexStringLower(SHA256.HashData(file.Read().Span));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return "unreadable";
            }
        }

        var text = new StringBuilder();
        foreach (var file in snapshot.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            text.Append(file.Path).Append('\0').Append(Content(file, LoaderLimits.Default.MaxFileBytes)).Append('\n');
        }

        foreach (var file in snapshot.DataFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            text.Append("data\0").Append(file.Path).Append('\0').Append(Content(file, Core.TaskSets.TaskSetLimits.Default.MaxCsvBytes)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

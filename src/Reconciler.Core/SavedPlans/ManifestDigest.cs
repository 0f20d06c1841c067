using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.TaskSets;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// One digest for all the manifests a plan read: SHA-256 over each file's path and the SHA-256 of its content, in
/// path order, then the same for the CSV files TaskSets read. Recorded in a saved plan, so <c>apply</c> can say whether anything at all changed since (the check that
/// refuses is per planned task). A file over the size limit is counted by its length, a file that cannot be read
/// again as unreadable: neither is ever parsed, so both plan the same either way.
/// </summary>
public static class ManifestDigest
{
    public static string Of(SourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // Hashed as it is read, line by line: the same bytes as the whole listing's UTF-8 text, which at 100,000 files
        // was ~65 MB of strings held at once.
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in snapshot.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Append(digest, $"{file.Path}\0{Content(file, LoaderLimits.Default.MaxFileBytes)}\n");
        }

        // The CSV files TaskSets read their items from: a change to a row is a change to the manifests.
        foreach (var file in snapshot.DataFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Append(digest, $"data\0{file.Path}\0{Content(file, TaskSetLimits.Default.MaxCsvBytes)}\n");
        }

        return Convert.ToHexStringLower(digest.GetHashAndReset());
    }

    // Each line ends in '\n', so no surrogate pair is ever split between two calls: the bytes are those of the whole text.
    private static void Append(IncrementalHash digest, string line) => digest.AppendData(Encoding.UTF8.GetBytes(line));

    private static string Content(ManifestFile file, long maxBytes)
    {
        if (file.Length > maxBytes)
        {
            return $"over the size limit: {file.Length} bytes";
        }

        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(file.Read().Span));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A file that vanished or cannot be read again: the plan found it unreadable too.
            return "unreadable";
        }
    }
}

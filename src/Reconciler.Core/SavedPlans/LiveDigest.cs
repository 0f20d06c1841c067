using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.Planning;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// What a live read (<c>--refresh</c>) said about a task, as one digest: every compared field whose live value differs
/// from the manifest, with the live value. Equal digests: the platform still says what it said when the plan was made.
/// </summary>
internal static class LiveDigest
{
    /// <returns>The digest, or null when the task was not read (or the read failed).</returns>
    public static string? Of(PlanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Refreshed || entry.LiveChanges is not { } changes)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var change in changes.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            text.Append(change.Path).Append('\t').Append(change.Before).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

using LibGit2Sharp;
using Reconciler.Core.Manifests;

namespace Reconciler.Git;

/// <summary>
/// What the last listing of the watched branch knew, so a poll of an unchanged branch lists nothing again (100,000
/// tree entries and object headers at fleet size) and a new commit's listing takes the sizes of blobs it already knew.
/// Used under the source's gate only.
/// </summary>
internal sealed class ListingMemory
{
    private SourceSnapshot? _last;
    private Dictionary<string, long> _sizes = new(StringComparer.Ordinal);

    /// <summary>The last listing when it is of <paramref name="commitId"/> (the same commit lists the same files; blobs are read lazily by id).</summary>
    public SourceSnapshot? Of(string commitId) => _last is { } last && last.Revision == commitId ? last : null;

    /// <summary>A blob's size, when an earlier listing read it.</summary>
    public long? SizeOf(ObjectId blob) => _sizes.TryGetValue(blob.Sha, out var size) ? size : null;

    public void Remember(SourceSnapshot listing)
    {
        if (ReferenceEquals(listing, _last))
        {
            return;
        }

        _last = listing;
        _sizes = listing.Files.Concat(listing.DataFiles)
            .Where(f => f.ContentId is not null)
            .DistinctBy(f => f.ContentId)
            .ToDictionary(f => f.ContentId!, f => f.Length, StringComparer.Ordinal);
    }
}

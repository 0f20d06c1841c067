using LibGit2Sharp;

namespace Reconciler.Git;

internal static class BlobContent
{
    /// <summary>
    /// The raw bytes of a blob (no filters, no line-ending conversion): exactly what was committed.
    /// Null when the object is missing; libgit2 failures propagate for the caller to classify.
    /// </summary>
    public static byte[]? TryRead(Repository repository, ObjectId id)
    {
        var blob = repository.Lookup<Blob>(id);
        if (blob is null)
        {
            return null;
        }

        var size = blob.Size;
        if (size > Array.MaxLength)
        {
            throw new InvalidOperationException($"blob {id.ToString(12)} is too large to read ({size} bytes)");
        }

        var content = new byte[size];
        using var stream = blob.GetContentStream();
        stream.ReadExactly(content);
        return content;
    }
}

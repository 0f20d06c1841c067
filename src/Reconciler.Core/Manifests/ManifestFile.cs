namespace Reconciler.Core.Manifests;

/// <summary>
/// A candidate manifest file handed to the core by a source (a directory or a git tree).
/// The content is read lazily so that a source can list thousands of files cheaply and the
/// evaluator reads only those whose <see cref="ContentId"/> it has not seen before.
/// </summary>
/// <param name="Path">Path relative to the manifest root, with forward slashes (e.g. <c>tasks/sales/a.yaml</c>).</param>
/// <param name="ContentId">A content hash when the source knows one (a git blob id); null otherwise.</param>
/// <param name="Length">Size in bytes, known before reading (checked against the size limit).</param>
/// <param name="Read">Reads the bytes. May be called more than once.</param>
public sealed record ManifestFile(string Path, string? ContentId, long Length, Func<ReadOnlyMemory<byte>> Read)
{
    public static ManifestFile FromBytes(string path, byte[] content, string? contentId = null) =>
        new(path, contentId, content.LongLength, () => content);

    public static ManifestFile FromText(string path, string text, string? contentId = null) =>
        FromBytes(path, System.Text.Encoding.UTF8.GetBytes(text), contentId);
}

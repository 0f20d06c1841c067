namespace Reconciler.Core.Loading;

/// <summary>
/// Bounds that keep a hostile or broken file from exhausting memory or time. Each breach is a
/// diagnostic on that file; other files are still loaded.
/// </summary>
/// <param name="MaxFileBytes">Files larger than this are refused unread (default 1 MiB; a task manifest is a few KiB).</param>
/// <param name="MaxNodes">Nodes per document after alias expansion (default 100,000): stops "billion laughs".</param>
/// <param name="MaxDepth">Nesting of mappings and sequences (default 64; a task body needs 5).</param>
/// <param name="MaxDocumentsPerFile">YAML documents per file (default 1,000).</param>
public sealed record LoaderLimits(
    long MaxFileBytes = 1024 * 1024,
    int MaxNodes = 100_000,
    int MaxDepth = 64,
    int MaxDocumentsPerFile = 1_000)
{
    public static readonly LoaderLimits Default = new();
}

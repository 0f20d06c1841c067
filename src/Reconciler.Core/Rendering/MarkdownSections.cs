namespace Reconciler.Core.Rendering;

/// <summary>The cuttable parts of a markdown plan, each already rendered with its line end, in display order.</summary>
internal sealed record MarkdownSections(
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Diffs)
{
    public static readonly MarkdownSections Empty = new([], [], [], []);
}

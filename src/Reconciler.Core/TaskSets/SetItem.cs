using System.Text.Json;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// One item of a set before it is merged: the same shape whether it was written inline or as a CSV row
/// (<c>task_id</c>, optional <c>user_id</c>, <c>sub_user_id</c>, …, and <c>spec</c>), where it starts, and where each
/// of its values is written.
/// </summary>
/// <param name="Json">The item as JSON (immutable, so items are expanded on many threads).</param>
/// <param name="Start">Where the item is: its first key inline, <c>file.csv:ROW:1</c> for a CSV row.</param>
/// <param name="Problems">What is wrong with the item itself (its shape, a CSV cell): the item is invalid without being merged.</param>
internal sealed record SetItem(JsonElement Json, SourceLocation Start, IItemPositions Positions, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>The item's <c>task_id</c> as written, when it can be read (for an invalid item's identity).</summary>
    public string? TaskId => TaskSetDocument.Child(Json, "task_id") switch
    {
        { ValueKind: JsonValueKind.String } text when text.GetString() is { Length: > 0 } id => id,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };
}

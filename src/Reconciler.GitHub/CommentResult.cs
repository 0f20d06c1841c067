using System.Text;

namespace Reconciler.GitHub;

/// <summary>The outcome of upserting the sticky plan comment.</summary>
/// <param name="Action">Created, updated in place, or left unchanged.</param>
/// <param name="CommentId">The id of the comment that now holds the plan.</param>
/// <param name="HtmlUrl">Where a person can read it.</param>
/// <param name="OlderMarkedCommentIds">
/// Other comments that also carry the marker (left by older versions or by two runs racing); they were
/// not touched. Empty in the normal case.
/// </param>
public sealed record CommentResult(
    CommentAction Action,
    long CommentId,
    Uri HtmlUrl,
    IReadOnlyList<long> OlderMarkedCommentIds)
{
    /// <summary>True when more than one comment carried the marker and only the newest was edited.</summary>
    public bool FoundDuplicates => OlderMarkedCommentIds.Count > 0;

    // The default record printer shows "System.Int64[]"; logs should show the ids.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Action = ").Append(Action)
            .Append(", CommentId = ").Append(CommentId)
            .Append(", HtmlUrl = ").Append(HtmlUrl)
            .Append(", OlderMarkedCommentIds = [").AppendJoin(", ", OlderMarkedCommentIds).Append(']');
        return true;
    }
}

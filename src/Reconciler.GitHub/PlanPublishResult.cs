namespace Reconciler.GitHub;

/// <summary>What publishing one plan achieved: the comment and the status are independent, so each has its own error.</summary>
/// <param name="Comment">The sticky comment, when it was written.</param>
/// <param name="CommentError">Why the comment could not be written (never holds a token).</param>
/// <param name="StatusError">Why the commit status could not be set (never holds a token).</param>
public sealed record PlanPublishResult(PlanChannel Channel, CommentResult? Comment, string? CommentError, string? StatusError)
{
    public bool Succeeded => CommentError is null && StatusError is null;
}

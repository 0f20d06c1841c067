namespace Reconciler.GitHub;

/// <summary>What <see cref="IPullRequestPublisher.UpsertPlanCommentAsync"/> did to the sticky plan comment.</summary>
public enum CommentAction
{
    /// <summary>No comment carried the marker, so one was created.</summary>
    Created,

    /// <summary>The newest comment carrying the marker was edited in place.</summary>
    Updated,

    /// <summary>The newest comment carrying the marker already had this body; nothing was sent.</summary>
    Unchanged,
}

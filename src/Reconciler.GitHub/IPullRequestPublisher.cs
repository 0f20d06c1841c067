namespace Reconciler.GitHub;

/// <summary>Publishes plans to pull requests: one sticky comment edited in place, and a commit status.</summary>
public interface IPullRequestPublisher
{
    /// <summary>
    /// Edits the newest comment carrying <paramref name="marker"/> to <paramref name="body"/>, or creates one when
    /// no comment carries it. Sends nothing when the body is already identical.
    /// </summary>
    /// <param name="pullRequest">The pull request number.</param>
    /// <param name="marker">A hidden HTML comment such as <c>&lt;!-- task-reconciler:plan --&gt;</c>; the body must contain it.</param>
    /// <param name="body">The whole markdown comment, at most 65,536 characters.</param>
    /// <param name="cancellationToken">Cancels the requests in flight.</param>
    Task<CommentResult> UpsertPlanCommentAsync(int pullRequest, string marker, string body, CancellationToken cancellationToken);

    /// <summary>Sets a commit status; the description is cut to GitHub's 140 characters if needed.</summary>
    Task SetCommitStatusAsync(string sha, CommitStatusState state, string context, string description, string? targetUrl, CancellationToken cancellationToken);

    /// <summary>Reads one pull request's head and base.</summary>
    Task<PullRequestHead> GetPullRequestAsync(int number, CancellationToken cancellationToken);

    /// <summary>Lists every open pull request (all pages), ordered by number.</summary>
    Task<IReadOnlyList<PullRequestHead>> ListOpenPullRequestsAsync(CancellationToken cancellationToken);
}

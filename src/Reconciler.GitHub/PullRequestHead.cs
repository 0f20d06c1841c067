namespace Reconciler.GitHub;

/// <summary>What the reconciler needs to know about a pull request to plan it (and to notice when its head moves).</summary>
/// <param name="Number">The pull request number.</param>
/// <param name="State">Open, closed or merged.</param>
/// <param name="HeadSha">The commit at the tip of the pull request's branch.</param>
/// <param name="HeadRef">The pull request's branch name.</param>
/// <param name="BaseSha">The commit of the base branch GitHub compared against.</param>
/// <param name="BaseRef">The branch the pull request targets.</param>
/// <param name="HeadRepository">
/// <c>owner/name</c> of the repository holding the head branch: differs from the base repository for pull
/// requests from forks, and is null when that fork was deleted.
/// </param>
public sealed record PullRequestHead(
    int Number,
    PullRequestState State,
    string HeadSha,
    string HeadRef,
    string BaseSha,
    string BaseRef,
    string? HeadRepository);

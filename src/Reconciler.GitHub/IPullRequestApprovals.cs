using Reconciler.Core.Guardrails;

namespace Reconciler.GitHub;

/// <summary>What the policy status needs from GitHub: a pull request's reviews, and whether someone is in a team.</summary>
public interface IPullRequestApprovals
{
    /// <summary>Every review of the pull request (all pages), as GitHub's reviews API lists them.</summary>
    Task<IReadOnlyList<PullRequestReview>> ListReviewsAsync(int pullRequest, CancellationToken cancellationToken);

    /// <summary>
    /// The merged pull request whose merge commit is <paramref name="sha"/> (a merge, squash or rebase merge), or null
    /// when no merged pull request of this repository produced it (a direct push). <c>GET /repos/{o}/{r}/commits/{sha}/pulls</c>,
    /// then the pull request itself for who merged it.
    /// </summary>
    Task<MergedPullRequest?> FindMergedPullRequestAsync(string sha, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="login"/> is an active member of the team <paramref name="org"/>/<paramref name="teamSlug"/>
    /// (<c>GET /orgs/{org}/teams/{team_slug}/memberships/{username}</c>). False when GitHub says 404: not a member, or a
    /// team the token may not see (a token without read access to the organisation's teams never approves by team).
    /// </summary>
    Task<bool> IsActiveTeamMemberAsync(string org, string teamSlug, string login, CancellationToken cancellationToken);
}

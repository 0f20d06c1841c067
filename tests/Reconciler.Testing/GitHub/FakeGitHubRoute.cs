namespace Reconciler.Testing.GitHub;

/// <summary>The REST operations the fake GitHub serves (the ones the publisher uses).</summary>
public enum FakeGitHubRoute
{
    /// <summary><c>GET repos/{owner}/{repo}/issues/{number}/comments</c> (paginated).</summary>
    ListIssueComments,

    /// <summary><c>POST repos/{owner}/{repo}/issues/{number}/comments</c>.</summary>
    CreateIssueComment,

    /// <summary><c>PATCH repos/{owner}/{repo}/issues/comments/{id}</c>.</summary>
    UpdateIssueComment,

    /// <summary><c>POST repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
    CreateCommitStatus,

    /// <summary><c>GET repos/{owner}/{repo}/pulls/{number}</c>.</summary>
    GetPullRequest,

    /// <summary><c>GET repos/{owner}/{repo}/pulls</c> (paginated, filtered by state).</summary>
    ListPullRequests,

    /// <summary><c>GET user</c>: the token's own account (403 for an app's installation token).</summary>
    GetAuthenticatedUser,

    /// <summary><c>GET repos/{owner}/{repo}/git/commits/{sha}</c>: the tree is <c>tree-of-{sha}</c>.</summary>
    GetGitCommit,

    /// <summary><c>POST repos/{owner}/{repo}/git/commits</c>.</summary>
    CreateGitCommit,

    /// <summary><c>POST repos/{owner}/{repo}/git/refs</c>.</summary>
    CreateReference,

    /// <summary><c>POST repos/{owner}/{repo}/pulls</c>.</summary>
    CreatePullRequest,

    /// <summary><c>GET repos/{owner}/{repo}/pulls/{number}/reviews</c> (paginated, oldest first).</summary>
    ListPullRequestReviews,

    /// <summary><c>GET repos/{owner}/{repo}/commits/{sha}/pulls</c>: pull requests whose merge commit (or head) is the commit.</summary>
    ListCommitPullRequests,

    /// <summary><c>GET orgs/{org}/teams/{team_slug}/memberships/{username}</c>: 200 with state active/pending, or 404.</summary>
    GetTeamMembership,
}

namespace Reconciler.Testing.GitHub;

/// <summary>Matches method and path to a route, under any configured prefix (e.g. "/api/v3" or none).</summary>
internal static class FakeGitHubRouter
{
    public static FakeGitHubRouteMatch? Match(string method, string path, IReadOnlyList<string> prefixes)
    {
        // Longest prefix first, so "/api/v3/repos/…" is not read as owner "api".
        foreach (var prefix in prefixes.OrderByDescending(p => p.Length))
        {
            if (method == "GET" && path.TrimEnd('/') == prefix.TrimEnd('/') + "/user")
            {
                return new FakeGitHubRouteMatch(FakeGitHubRoute.GetAuthenticatedUser, prefix, "", "", null);
            }

            var orgs = prefix.TrimEnd('/') + "/orgs/";
            if (method == "GET" && path.StartsWith(orgs, StringComparison.Ordinal)
                && path[orgs.Length..].TrimEnd('/').Split('/') is [var org, "teams", var team, "memberships", var user])
            {
                // Owner and repository carry the organisation and the team slug; the id is the login.
                return new FakeGitHubRouteMatch(FakeGitHubRoute.GetTeamMembership, prefix, Uri.UnescapeDataString(org), Uri.UnescapeDataString(team), Uri.UnescapeDataString(user));
            }

            var start = prefix.TrimEnd('/') + "/repos/";
            if (!path.StartsWith(start, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = path[start.Length..].TrimEnd('/').Split('/');
            if (parts.Length < 3 || parts.Any(string.IsNullOrEmpty))
            {
                return null;
            }

            var route = Route(method, parts[2..]);
            return route is null ? null : new FakeGitHubRouteMatch(route.Value.Route, prefix, parts[0], parts[1], route.Value.Id);
        }

        return null;
    }

    private static (FakeGitHubRoute Route, string? Id)? Route(string method, string[] rest) => (method, rest) switch
    {
        ("GET", ["issues", var n, "comments"]) => (FakeGitHubRoute.ListIssueComments, n),
        ("POST", ["issues", var n, "comments"]) => (FakeGitHubRoute.CreateIssueComment, n),
        ("PATCH", ["issues", "comments", var id]) => (FakeGitHubRoute.UpdateIssueComment, id),
        ("POST", ["statuses", var sha]) => (FakeGitHubRoute.CreateCommitStatus, sha),
        ("GET", ["pulls", var n]) => (FakeGitHubRoute.GetPullRequest, n),
        ("GET", ["pulls", var n, "reviews"]) => (FakeGitHubRoute.ListPullRequestReviews, n),
        ("GET", ["commits", var sha, "pulls"]) => (FakeGitHubRoute.ListCommitPullRequests, sha),
        ("GET", ["pulls"]) => (FakeGitHubRoute.ListPullRequests, null),
        ("POST", ["pulls"]) => (FakeGitHubRoute.CreatePullRequest, null),
        ("GET", ["git", "commits", var sha]) => (FakeGitHubRoute.GetGitCommit, sha),
        ("POST", ["git", "commits"]) => (FakeGitHubRoute.CreateGitCommit, null),
        ("POST", ["git", "refs"]) => (FakeGitHubRoute.CreateReference, null),
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Reconciler.Testing.GitHub;

/// <summary>
/// Payloads shaped like GitHub's (the fields Octokit's models read: ids, node_id, urls, user, timestamps, state,
/// head/base). <paramref name="root"/> is the server's origin, e.g. http://127.0.0.1:5123.
/// </summary>
internal sealed class FakeGitHubJson(string root, string apiRoot, string owner, string repository)
{
    private string Repo => $"{owner}/{repository}";

    public JsonObject Comment(FakeIssueComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = NodeId("IC", comment.Id),
        ["url"] = $"{apiRoot}/repos/{Repo}/issues/comments/{comment.Id}",
        ["html_url"] = $"{root}/{Repo}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{apiRoot}/repos/{Repo}/issues/{comment.IssueNumber}",
        ["body"] = comment.Body,
        ["user"] = User(comment.AuthorLogin),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
        ["author_association"] = comment.AuthorLogin.EndsWith("[bot]", StringComparison.Ordinal) ? "NONE" : "MEMBER",
        ["performed_via_github_app"] = null,
        ["reactions"] = new JsonObject
        {
            ["url"] = $"{apiRoot}/repos/{Repo}/issues/comments/{comment.Id}/reactions",
            ["total_count"] = 0, ["+1"] = 0, ["-1"] = 0, ["laugh"] = 0, ["hooray"] = 0,
            ["confused"] = 0, ["heart"] = 0, ["rocket"] = 0, ["eyes"] = 0,
        },
    };

    public JsonObject Status(FakeCommitStatus status) => new()
    {
        ["id"] = status.Id,
        ["node_id"] = NodeId("SC", status.Id),
        ["url"] = $"{apiRoot}/repos/{Repo}/statuses/{status.Sha}",
        ["avatar_url"] = null,
        ["state"] = status.State,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["context"] = status.Context,
        ["created_at"] = Time(status.CreatedAt),
        ["updated_at"] = Time(status.CreatedAt),
        ["creator"] = User(status.CreatorLogin),
    };

    // The list endpoint omits merged/mergeable/counts; the single-PR endpoint includes them.
    public JsonObject PullRequest(FakePullRequest pull, DateTimeOffset createdAt, bool full)
    {
        var closed = pull.State == "closed";
        var json = new JsonObject
        {
            ["url"] = $"{apiRoot}/repos/{Repo}/pulls/{pull.Number}",
            ["id"] = 1_000_000 + pull.Number,
            ["node_id"] = NodeId("PR", pull.Number),
            ["html_url"] = $"{root}/{Repo}/pull/{pull.Number}",
            ["diff_url"] = $"{root}/{Repo}/pull/{pull.Number}.diff",
            ["patch_url"] = $"{root}/{Repo}/pull/{pull.Number}.patch",
            ["issue_url"] = $"{apiRoot}/repos/{Repo}/issues/{pull.Number}",
            ["statuses_url"] = $"{apiRoot}/repos/{Repo}/statuses/{pull.HeadSha}",
            ["number"] = pull.Number,
            ["state"] = pull.State,
            ["locked"] = false,
            ["title"] = pull.Title,
            ["user"] = User("operator"),
            ["body"] = null,
            ["created_at"] = Time(createdAt),
            ["updated_at"] = Time(createdAt),
            ["closed_at"] = closed ? Time(createdAt.AddHours(1)) : null,
            ["merged_at"] = pull.Merged ? Time(createdAt.AddHours(1)) : null,
            ["merge_commit_sha"] = pull.MergeCommitSha,
            ["draft"] = false,
            ["head"] = Ref(pull.HeadRef, pull.HeadSha, pull.HeadRepository ?? Repo),
            ["base"] = Ref(pull.BaseRef, pull.BaseSha, Repo),
            ["author_association"] = "MEMBER",
        };
        if (full)
        {
            json["merged"] = pull.Merged;
            json["merged_by"] = pull.Merged && pull.MergedBy is { } mergedBy ? User(mergedBy) : null;
            json["mergeable"] = closed ? null : true;
            json["mergeable_state"] = closed ? "unknown" : "clean";
            json["comments"] = 0;
            json["commits"] = 1;
            json["additions"] = 1;
            json["deletions"] = 0;
            json["changed_files"] = 1;
        }

        return json;
    }

    private JsonObject Ref(string name, string sha, string fullName)
    {
        var repoOwner = fullName.Split('/')[0];
        return new JsonObject
        {
            ["label"] = $"{repoOwner}:{name}",
            ["ref"] = name,
            ["sha"] = sha,
            ["user"] = User(repoOwner),
            ["repo"] = Repository(fullName),
        };
    }

    private JsonObject Repository(string fullName)
    {
        var parts = fullName.Split('/');
        return new JsonObject
        {
            ["id"] = StableId(fullName),
            ["node_id"] = NodeId("R", fullName.Length),
            ["name"] = parts[1],
            ["full_name"] = fullName,
            ["private"] = true,
            ["owner"] = User(parts[0]),
            ["html_url"] = $"{root}/{fullName}",
            ["url"] = $"{apiRoot}/repos/{fullName}",
            ["fork"] = fullName != Repo,
            ["default_branch"] = "main",
        };
    }

    /// <summary>A review as <c>GET repos/{o}/{r}/pulls/{n}/reviews</c> lists it.</summary>
    public JsonObject Review(FakeReview review) => new()
    {
        ["id"] = review.Id,
        ["node_id"] = NodeId("PRR", review.Id),
        ["user"] = User(review.Login),
        ["body"] = "",
        ["state"] = review.State,
        ["html_url"] = $"{root}/{Repo}/pull/{review.PullRequest}#pullrequestreview-{review.Id}",
        ["pull_request_url"] = $"{apiRoot}/repos/{Repo}/pulls/{review.PullRequest}",
        ["author_association"] = "MEMBER",
        ["submitted_at"] = Time(review.SubmittedAt),
        ["commit_id"] = review.CommitId,
    };

    /// <summary>A team membership as <c>GET orgs/{org}/teams/{team_slug}/memberships/{username}</c> returns it.</summary>
    public JsonObject TeamMembership(string org, string team, string login, string state) => new()
    {
        ["url"] = $"{apiRoot}/orgs/{org}/teams/{team}/memberships/{login}",
        ["role"] = "member",
        ["state"] = state,
    };

    /// <summary>The token's own account as <c>GET /user</c> returns it.</summary>
    public JsonObject AuthenticatedUser(string login)
    {
        var user = User(login);
        user["name"] = login;
        user["created_at"] = "2020-01-01T00:00:00Z";
        user["updated_at"] = "2020-01-01T00:00:00Z";
        return user;
    }

    private JsonObject User(string login) => new()
    {
        ["login"] = login,
        ["id"] = StableId(login),
        ["node_id"] = NodeId("U", login.Length),
        ["avatar_url"] = $"{root}/avatars/{login}",
        ["url"] = $"{apiRoot}/users/{login}",
        ["html_url"] = $"{root}/{login}",
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
    };

    // string.GetHashCode changes per process; ids in payloads should not.
    private static long StableId(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return (long)(hash % 90_000_000) + 10_000_000;
    }

    private static string NodeId(string kind, long id) => $"{kind}_kw{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

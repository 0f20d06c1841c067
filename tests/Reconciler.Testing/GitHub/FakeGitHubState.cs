using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Reconciler.Testing.GitHub;

/// <summary>The fake's data and the behaviour of each route, with GitHub's validation rules. Callers hold the lock.</summary>
internal sealed partial class FakeGitHubState(FakeGitHubServerOptions options)
{
    private const int MaxCommentLength = 65_536;
    private const int MaxDescriptionLength = 140;
    private static readonly string[] StatusStates = ["error", "failure", "pending", "success"];

    private readonly List<FakeIssueComment> comments = [];
    private readonly List<FakeCommitStatus> statuses = [];
    private readonly Dictionary<int, (FakePullRequest Pull, DateTimeOffset CreatedAt)> pulls = [];
    private readonly List<FakeReview> reviews = [];
    private readonly Dictionary<(string Org, string Team, string Login), string> memberships = [];
    private long nextReviewId = 80_000;
    private long nextCommentId = 1_000;
    private long nextStatusId = 5_000;
    private int ticks;

    public object Gate { get; } = new();

    public IReadOnlyList<FakeIssueComment> Comments => [.. comments];

    public IReadOnlyList<FakeCommitStatus> Statuses => [.. statuses];

    public IReadOnlyList<FakePullRequest> PullRequests => [.. pulls.Values.Select(p => p.Pull).OrderBy(p => p.Number)];

    // Every write moves the clock one second, so created_at orders exactly like creation.
    public DateTimeOffset Tick() => options.StartTime.AddSeconds(++ticks);

    public FakePullRequest AddPullRequest(FakePullRequest pull)
    {
        pulls[pull.Number] = (pull, pull.CreatedAt ?? Tick());
        return pull;
    }

    public FakeIssueComment AddComment(int issue, string body, string author, DateTimeOffset? createdAt)
    {
        var at = createdAt ?? Tick();
        var comment = new FakeIssueComment(++nextCommentId, issue, body, author, at, at);
        comments.Add(comment);
        return comment;
    }

    public FakeReview AddReview(int pullRequest, string login, string state, string commitId)
    {
        var review = new FakeReview(++nextReviewId, pullRequest, login, state, commitId, Tick());
        reviews.Add(review);
        return review;
    }

    /// <summary>Org, team slug and login are matched ignoring case, as GitHub does.</summary>
    public void SetTeamMembership(string org, string team, string login, string state) =>
        memberships[(org.ToUpperInvariant(), team.ToUpperInvariant(), login.ToUpperInvariant())] = state;

    public FakeGitHubResponse Handle(FakeGitHubRouteMatch match, HttpRequest request, string? body, FakeGitHubJson json)
    {
        if (match.Route == FakeGitHubRoute.GetTeamMembership)
        {
            return memberships.TryGetValue((match.Owner.ToUpperInvariant(), match.Repository.ToUpperInvariant(), match.Id!.ToUpperInvariant()), out var membership)
                ? FakeGitHubResponse.Json(200, json.TeamMembership(match.Owner, match.Repository, match.Id, membership))
                : FakeGitHubResponse.Error(404, "Not Found");
        }

        if (match.Route == FakeGitHubRoute.GetAuthenticatedUser)
        {
            return options.UserReadable
                ? FakeGitHubResponse.Json(200, json.AuthenticatedUser(options.Login))
                : FakeGitHubResponse.Error(403, "Resource not accessible by integration");
        }

        if (!match.Owner.Equals(options.Owner, StringComparison.OrdinalIgnoreCase)
            || !match.Repository.Equals(options.Repository, StringComparison.OrdinalIgnoreCase))
        {
            return FakeGitHubResponse.Error(404, "Not Found");
        }

        return match.Route switch
        {
            FakeGitHubRoute.ListIssueComments => ListComments(match.Id!, request, json),
            FakeGitHubRoute.CreateIssueComment => CreateComment(match.Id!, body, json),
            FakeGitHubRoute.UpdateIssueComment => UpdateComment(match.Id!, body, json),
            FakeGitHubRoute.CreateCommitStatus => CreateStatus(match.Id!, body, json),
            FakeGitHubRoute.GetPullRequest => GetPull(match.Id!, json),
            FakeGitHubRoute.ListPullRequests => ListPulls(request, json),
            FakeGitHubRoute.GetGitCommit or FakeGitHubRoute.CreateGitCommit or FakeGitHubRoute.CreateReference or FakeGitHubRoute.CreatePullRequest => HandleGit(match, body, json),
            FakeGitHubRoute.ListPullRequestReviews => ListReviews(match.Id!, request, json),
            FakeGitHubRoute.ListCommitPullRequests => ListCommitPulls(match.Id!, request, json),
            _ => FakeGitHubResponse.Error(404, "Not Found"),
        };
    }

    private FakeGitHubResponse ListComments(string number, HttpRequest request, FakeGitHubJson json)
    {
        if (!TryIssue(number, out var issue))
        {
            return FakeGitHubResponse.Error(404, "Not Found");
        }

        // Issue comments come oldest first; "since" filters on updated_at (GitHub ignores sort/direction here).
        var since = QueryHelpers.ParseQuery(request.QueryString.Value).TryGetValue("since", out var s)
            && DateTimeOffset.TryParse(s.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
        var all = comments.Where(c => c.IssueNumber == issue && c.UpdatedAt >= since).OrderBy(c => c.Id).ToArray();
        var (page, link) = FakeGitHubPaging.Page(all, request);
        return Paged(new JsonArray(page.Select(c => (JsonNode)json.Comment(c)).ToArray()), link);
    }

    private FakeGitHubResponse CreateComment(string number, string? body, FakeGitHubJson json)
    {
        if (!TryIssue(number, out var issue))
        {
            return FakeGitHubResponse.Error(404, "Not Found");
        }

        if (ValidCommentBody(body, out var text) is { } invalid)
        {
            return invalid;
        }

        var comment = AddComment(issue, text!, options.Login, null);
        var response = FakeGitHubResponse.Json(201, json.Comment(comment));
        return response with { Headers = new Dictionary<string, string> { ["Location"] = json.Comment(comment)["url"]!.ToString() } };
    }

    private FakeGitHubResponse UpdateComment(string id, string? body, FakeGitHubJson json)
    {
        var index = long.TryParse(id, out var commentId) ? comments.FindIndex(c => c.Id == commentId) : -1;
        if (index < 0)
        {
            return FakeGitHubResponse.Error(404, "Not Found");
        }

        if (ValidCommentBody(body, out var text) is { } invalid)
        {
            return invalid;
        }

        var updated = comments[index] with { Body = text!, UpdatedAt = Tick() };
        comments[index] = updated;
        return FakeGitHubResponse.Json(200, json.Comment(updated));
    }

    private FakeGitHubResponse CreateStatus(string sha, string? body, FakeGitHubJson json)
    {
        if (!Sha().IsMatch(sha))
        {
            return FakeGitHubResponse.Error(422, $"No commit found for SHA: {sha}");
        }

        if (Parse(body) is not { } request)
        {
            return FakeGitHubResponse.Error(400, "Problems parsing JSON");
        }

        var state = Text(request, "state");
        if (state is null || !StatusStates.Contains(state))
        {
            return FakeGitHubResponse.Error(422, "Validation Failed", Invalid("Status", "state", "invalid"));
        }

        var description = Text(request, "description");
        if (description is { Length: > MaxDescriptionLength })
        {
            return FakeGitHubResponse.Error(422, "Validation Failed", Invalid("Status", "description", "custom", "description is too long (maximum is 140 characters)"));
        }

        var status = new FakeCommitStatus(++nextStatusId, sha, state, Text(request, "context") ?? "default", description, Text(request, "target_url"), options.Login, Tick());
        statuses.Add(status);
        return FakeGitHubResponse.Json(201, json.Status(status));
    }

    private FakeGitHubResponse GetPull(string number, FakeGitHubJson json) =>
        int.TryParse(number, out var n) && pulls.TryGetValue(n, out var entry)
            ? FakeGitHubResponse.Json(200, json.PullRequest(entry.Pull, entry.CreatedAt, full: true))
            : FakeGitHubResponse.Error(404, "Not Found");

    private FakeGitHubResponse ListPulls(HttpRequest request, FakeGitHubJson json)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var state = query.TryGetValue("state", out var s) ? s.ToString() : "open";
        var sort = query.TryGetValue("sort", out var so) ? so.ToString() : "created";

        // GitHub: descending by default when sorting by creation, ascending otherwise.
        var descending = query.TryGetValue("direction", out var d) ? d.ToString() == "desc" : sort == "created";
        var selected = pulls.Values.Where(p => state == "all" || p.Pull.State == state);
        var ordered = descending
            ? selected.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Pull.Number)
            : selected.OrderBy(p => p.CreatedAt).ThenBy(p => p.Pull.Number);
        var (page, link) = FakeGitHubPaging.Page(ordered.ToArray(), request);
        return Paged(new JsonArray(page.Select(p => (JsonNode)json.PullRequest(p.Pull, p.CreatedAt, full: false)).ToArray()), link);
    }

    private FakeGitHubResponse ListReviews(string number, HttpRequest request, FakeGitHubJson json)
    {
        if (!TryIssue(number, out var pull))
        {
            return FakeGitHubResponse.Error(404, "Not Found");
        }

        // Reviews come in chronological order.
        var (page, link) = FakeGitHubPaging.Page(reviews.Where(r => r.PullRequest == pull).OrderBy(r => r.Id).ToArray(), request);
        return Paged(new JsonArray(page.Select(r => (JsonNode)json.Review(r)).ToArray()), link);
    }

    private FakeGitHubResponse ListCommitPulls(string sha, HttpRequest request, FakeGitHubJson json)
    {
        var matching = pulls.Values
            .Where(p => string.Equals(p.Pull.MergeCommitSha, sha, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Pull.HeadSha, sha, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Pull.Number)
            .ToArray();
        var (page, link) = FakeGitHubPaging.Page(matching, request);
        return Paged(new JsonArray(page.Select(p => (JsonNode)json.PullRequest(p.Pull, p.CreatedAt, full: false)).ToArray()), link);
    }

    private bool TryIssue(string number, out int issue) =>
        int.TryParse(number, out issue) && pulls.ContainsKey(issue);

    private static FakeGitHubResponse? ValidCommentBody(string? body, out string? text)
    {
        text = Parse(body) is { } request ? Text(request, "body") : null;
        if (text is null)
        {
            return FakeGitHubResponse.Error(422, "Invalid request.\n\n\"body\" wasn't supplied.");
        }

        return text.Length > MaxCommentLength
            ? FakeGitHubResponse.Error(422, "Validation Failed", Invalid("IssueComment", "body", "custom", "body is too long (maximum is 65536 characters)"))
            : null;
    }

    private static FakeGitHubResponse Paged(JsonArray items, string? link) =>
        new(200, items, link is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Link"] = link });

    private static JsonObject Invalid(string resource, string field, string code, string? message = null) =>
        new() { ["resource"] = resource, ["field"] = field, ["code"] = code, ["message"] = message };

    private static JsonObject? Parse(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex("^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")]
    private static partial Regex Sha();
}

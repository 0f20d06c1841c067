using System.Text.RegularExpressions;
using Octokit;
using Octokit.Internal;
using Reconciler.Core.Secrets;

namespace Reconciler.GitHub;

/// <summary>
/// <see cref="IPullRequestPublisher"/> over GitHub's REST API (github.com or Enterprise Server) with Octokit.
/// Every failure surfaces as <see cref="GitHubPublishException"/>; the token never appears in what it throws.
/// </summary>
public sealed partial class PullRequestPublisher : IPullRequestPublisher, IDisposable
{
    /// <summary>GitHub rejects longer comment bodies.</summary>
    public const int MaxCommentLength = 65_536;

    /// <summary>Sent as the product part of the User-Agent header.</summary>
    public const string UserAgent = "task-reconciler";

    // GitHub's maximum page size: a PR with 300 comments costs 3 requests instead of 10.
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    private readonly GitHubTarget target;
    private readonly SecretRedactor redactor;
    private readonly GitHubErrorTranslator errors;
    private readonly HttpClientAdapter http;
    private readonly GitHubClient client;
    private CommentAuthor? author;

    /// <summary>Creates a publisher; throws <see cref="ArgumentException"/> for an unusable URL, repository or token.</summary>
    public PullRequestPublisher(GitHubOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates a publisher with an explicit clock (used to turn Retry-After into a time).</summary>
    public PullRequestPublisher(GitHubOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        target = GitHubTarget.From(options);
        var token = GitHubTarget.ValidToken(options);
        redactor = new SecretRedactor([token]);
        errors = new GitHubErrorTranslator(target, timeProvider, redactor);
        http = new HttpClientAdapter(() => new AmbientCancellationHandler { InnerHandler = HttpMessageHandlerFactory.CreateDefault() });
        http.SetRequestTimeout(target.RequestTimeout);

        // Built from a Connection rather than GitHubClient(…, Uri): that constructor rewrites any non-github.com
        // address to "/api/v3/", dropping a path prefix in front of it (a proxy or a fake server).
        var connection = new Connection(
            new ProductHeaderValue(UserAgent),
            target.ApiUrl,
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
        client = new GitHubClient(connection);
    }

    /// <summary>The base address requests are sent to, after normalisation.</summary>
    public Uri ApiUrl => target.ApiUrl;

    /// <summary>The repository as <c>owner/name</c>.</summary>
    public string Repository => target.FullName;

    /// <inheritdoc />
    public async Task<CommentResult> UpsertPlanCommentAsync(int pullRequest, string marker, string body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pullRequest);
        var safeBody = ValidCommentBody(marker, body);
        var comments = await CallAsync(
            $"listing the comments of pull request #{pullRequest}",
            pullRequest,
            () => client.Issue.Comment.GetAllForIssue(target.Owner, target.Name, pullRequest, AllPages),
            cancellationToken).ConfigureAwait(false);

        var author = await AuthorAsync(cancellationToken).ConfigureAwait(false);
        var marked = comments
            .Where(c => author.Wrote(c) && StartsWithMarker(c.Body, marker))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .ToList();
        if (marked.Count == 0)
        {
            return await CreateAsync(pullRequest, safeBody, [], cancellationToken).ConfigureAwait(false);
        }

        var newest = marked[^1];
        var older = marked.Take(marked.Count - 1).Select(c => c.Id).ToArray();
        if (SameText(newest.Body, safeBody))
        {
            return new CommentResult(CommentAction.Unchanged, newest.Id, new Uri(newest.HtmlUrl), older);
        }

        try
        {
            var updated = await CallAsync(
                $"updating comment {newest.Id} on pull request #{pullRequest}",
                pullRequest,
                () => client.Issue.Comment.Update(target.Owner, target.Name, newest.Id, safeBody),
                cancellationToken).ConfigureAwait(false);
            return new CommentResult(CommentAction.Updated, updated.Id, new Uri(updated.HtmlUrl), older);
        }
        catch (GitHubPublishException e) when (e.Failure == GitHubFailure.NotFound)
        {
            // Someone deleted the comment between listing and editing: the plan still has to be shown once.
            return await CreateAsync(pullRequest, safeBody, older, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task SetCommitStatusAsync(string sha, CommitStatusState state, string context, string description, string? targetUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha);
        if (!CommitSha().IsMatch(sha))
        {
            throw new ArgumentException($"'{sha}' is not a full commit sha (40 or 64 hex digits)", nameof(sha));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        var status = new NewCommitStatus
        {
            State = state switch
            {
                CommitStatusState.Pending => CommitState.Pending,
                CommitStatusState.Success => CommitState.Success,
                CommitStatusState.Failure => CommitState.Failure,
                CommitStatusState.Error => CommitState.Error,
                _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown commit status state"),
            },
            Context = context,
            Description = CommitStatusDescription.Fit(redactor.Redact(description ?? string.Empty)),
            TargetUrl = ValidTargetUrl(targetUrl),
        };
        return CallAsync(
            $"setting the {context} status on commit {sha[..12]}",
            null,
            () => client.Repository.Status.Create(target.Owner, target.Name, sha, status),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PullRequestHead> GetPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var pull = await CallAsync(
            $"reading pull request #{number}",
            number,
            () => client.PullRequest.Get(target.Owner, target.Name, number),
            cancellationToken).ConfigureAwait(false);
        return ToHead(pull);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PullRequestHead>> ListOpenPullRequestsAsync(CancellationToken cancellationToken)
    {
        var open = new PullRequestRequest { State = ItemStateFilter.Open };
        var pulls = await CallAsync(
            "listing open pull requests",
            null,
            () => client.PullRequest.GetAllForRepository(target.Owner, target.Name, open, AllPages),
            cancellationToken).ConfigureAwait(false);

        // Pages can shift while being read (a PR opened mid-listing): keep one entry per number.
        return pulls.Select(ToHead).DistinctBy(p => p.Number).OrderBy(p => p.Number).ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<CommentResult> CreateAsync(int pullRequest, string body, IReadOnlyList<long> older, CancellationToken cancellationToken)
    {
        var created = await CallAsync(
            $"creating the plan comment on pull request #{pullRequest}",
            pullRequest,
            () => client.Issue.Comment.Create(target.Owner, target.Name, pullRequest, body),
            cancellationToken).ConfigureAwait(false);
        return new CommentResult(CommentAction.Created, created.Id, new Uri(created.HtmlUrl), older);
    }

    private async Task<T> CallAsync<T>(string operation, int? pullRequest, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AmbientCancellationHandler.Use(cancellationToken);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not GitHubPublishException)
        {
            throw errors.Translate(e, operation, pullRequest);
        }
    }

    private string ValidCommentBody(string marker, string body)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(body);

        // A visible or tiny marker would match people's comments; an HTML comment is hidden and specific.
        if (!marker.StartsWith("<!--", StringComparison.Ordinal) || !marker.EndsWith("-->", StringComparison.Ordinal) || marker.Length < 10)
        {
            throw new ArgumentException("the marker must be a hidden HTML comment such as <!-- task-reconciler:plan -->", nameof(marker));
        }

        // Without the marker, the next run could not find this comment and would post another one.
        if (!body.Contains(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException("the comment body must contain the marker", nameof(body));
        }

        // The renderer cuts plans to fit; the token must never reach a comment (edit history keeps it forever).
        var safe = redactor.Redact(body);
        if (safe.Length > MaxCommentLength)
        {
            throw new ArgumentException(
                $"the comment body has {safe.Length:N0} characters and GitHub rejects more than {MaxCommentLength:N0}; render the plan with its size limit",
                nameof(body));
        }

        return safe;
    }

    /// <summary>
    /// Who our comments are written by, looked up once per publisher: the configured login, else the token's own user
    /// (<c>GET /user</c>). An app's installation token (GitHub Actions' GITHUB_TOKEN) may not read <c>/user</c>; then any
    /// bot account counts, which a person pasting the marker into a comment never is.
    /// </summary>
    private async Task<CommentAuthor> AuthorAsync(CancellationToken cancellationToken)
    {
        if (author is { } known)
        {
            return known;
        }

        if (target.CommentAuthor is { Length: > 0 } configured)
        {
            return author = CommentAuthor.Login(configured);
        }

        try
        {
            var user = await CallAsync("reading the token's user", null, () => client.User.Current(), cancellationToken).ConfigureAwait(false);
            return author = CommentAuthor.Login(user.Login);
        }
        catch (GitHubPublishException e) when (e.Failure is GitHubFailure.Forbidden or GitHubFailure.NotFound)
        {
            return author = CommentAuthor.AnyBot;
        }
    }

    /// <summary>
    /// Our comment's first line is the marker, exactly: a marker quoted further down (in a value, in someone's text) or
    /// another channel's marker (<c>plan</c> is not <c>plan-live</c>) never matches.
    /// </summary>
    private static bool StartsWithMarker(string? body, string marker) =>
        body is not null && body.StartsWith(marker, StringComparison.Ordinal)
        && (body.Length == marker.Length || body[marker.Length] is '\n' or '\r');

    // GitHub may store line endings as sent or as LF; either way it is the same comment.
    private static bool SameText(string? existing, string wanted) =>
        existing is not null && existing.ReplaceLineEndings("\n") == wanted.ReplaceLineEndings("\n");

    private static string? ValidTargetUrl(string? targetUrl)
    {
        if (string.IsNullOrWhiteSpace(targetUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(targetUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"the status target URL '{targetUrl}' must be an absolute http(s) URL", nameof(targetUrl));
        }

        return uri.AbsoluteUri;
    }

    private static PullRequestHead ToHead(PullRequest pull)
    {
        var state = pull.State.StringValue == "open" ? PullRequestState.Open
            : pull.Merged || pull.MergedAt is not null ? PullRequestState.Merged
            : PullRequestState.Closed;
        return new PullRequestHead(
            pull.Number,
            state,
            pull.Head.Sha,
            pull.Head.Ref,
            pull.Base.Sha,
            pull.Base.Ref,
            pull.Head.Repository?.FullName);
    }

    [GeneratedRegex("^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")]
    private static partial Regex CommitSha();
}

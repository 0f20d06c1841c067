using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.GitHub;

namespace Reconciler.Cli.Output;

/// <summary>
/// Posts the plan as the pull request's one sticky comment and sets the <c>reconciler/plan</c> commit
/// status. A GitHub failure is reported on stderr; it never changes what the exit code says about the plan.
/// The comment and the status are independent: a token that may set statuses but not comment (or the
/// reverse) still delivers what it can, and the status is what branch protection reads.
/// </summary>
public static class PullRequestPublishing
{
    public const string StatusContext = "reconciler/plan";

    public static async Task PublishAsync(Plan plan, string repository, int pullRequest, string? sha, string? apiUrl, string pathPrefix, CliConsole console, CancellationToken cancellationToken)
    {
        var token = console.Environment("GITHUB_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            await console.Error.WriteLineAsync("reconciler: error: cannot publish the plan: GITHUB_TOKEN is not set (it needs pull-requests: write and statuses: write)");
            return;
        }

        PullRequestPublisher github;
        try
        {
            github = new PullRequestPublisher(GitHubOptions.For(repository, token, ApiUri(apiUrl ?? console.Environment("GITHUB_API_URL"))));
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan to GitHub: {Plain(e)}");
            return;
        }

        using (github)
        {
            var commentUrl = await PostCommentAsync(github, plan, pullRequest, pathPrefix, console, cancellationToken);
            await SetStatusAsync(github, plan, pullRequest, sha, commentUrl, console, cancellationToken);
        }
    }

    private static async Task<Uri?> PostCommentAsync(PullRequestPublisher github, Plan plan, int pullRequest, string pathPrefix, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { PathPrefix = pathPrefix }).Render(plan);
            var comment = await github.UpsertPlanCommentAsync(pullRequest, MarkdownOptions.DefaultMarker, markdown, cancellationToken);
            await console.Error.WriteLineAsync($"reconciler: plan comment {comment.Action.ToString().ToLowerInvariant()}: {comment.HtmlUrl}");
            return comment.HtmlUrl;
        }
        catch (Exception e) when (e is GitHubPublishException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan comment: {Plain(e)}");
            return null;
        }
    }

    private static async Task SetStatusAsync(PullRequestPublisher github, Plan plan, int pullRequest, string? sha, Uri? commentUrl, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var head = sha ?? (await github.GetPullRequestAsync(pullRequest, cancellationToken)).HeadSha;
            var state = plan.HasErrors ? CommitStatusState.Failure : CommitStatusState.Success;
            await github.SetCommitStatusAsync(head, state, StatusContext, plan.Summary.ToString(), commentUrl?.ToString(), cancellationToken);
        }
        catch (Exception e) when (e is GitHubPublishException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not set the {StatusContext} commit status: {Plain(e)}");
        }
    }

    // The value itself is not echoed: a mistyped URL may hold credentials.
    private static Uri? ApiUri(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException("the GitHub API URL (--github-api-url or GITHUB_API_URL) is not an absolute URL such as https://github.example.com/api/v3", nameof(url));

    // ArgumentException appends " (Parameter 'x')", which means nothing to someone reading a CI log.
    private static string Plain(Exception e) =>
        e is ArgumentException { ParamName: { } name } argument ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}

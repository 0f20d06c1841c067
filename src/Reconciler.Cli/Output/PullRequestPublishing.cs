using Reconciler.Core.Planning;
using Reconciler.GitHub;

namespace Reconciler.Cli.Output;

/// <summary>
/// <c>plan --github-repo R --pr N</c>: posts the plan with the shared <see cref="PlanPublisher"/> (its baseline's
/// sticky comment and commit status) and reports on stderr. A GitHub failure never changes what the exit code
/// says about the plan.
/// </summary>
internal static class PullRequestPublishing
{
    public static async Task PublishAsync(Plan plan, string repository, int pullRequest, string? sha, string? apiUrl, string pathPrefix, string? savedPlan, CliConsole console, CancellationToken cancellationToken)
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
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan to GitHub: {PlanPublisher.Plain(e)}");
            return;
        }

        using (github)
        {
            var result = await new PlanPublisher(github).PublishAsync(plan, pullRequest, sha, pathPrefix, WholePlanNote.ForComment(console, savedPlan), cancellationToken);
            await console.Error.WriteLineAsync(result.Comment is { } comment
                ? $"reconciler: plan comment {comment.Action.ToString().ToLowerInvariant()}: {comment.HtmlUrl}"
                : $"reconciler: error: could not publish the plan comment: {result.CommentError}");
            if (result.StatusError is { } statusError)
            {
                await console.Error.WriteLineAsync($"reconciler: error: could not set the {result.Channel.StatusContext} commit status: {statusError}");
            }
        }
    }

    // The value itself is not echoed: a mistyped URL may hold credentials.
    private static Uri? ApiUri(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException("the GitHub API URL (--github-api-url or GITHUB_API_URL) is not an absolute URL such as https://github.example.com/api/v3", nameof(url));
}

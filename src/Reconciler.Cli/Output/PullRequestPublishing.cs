using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.GitHub;

namespace Reconciler.Cli.Output;

/// <summary>
/// Posts the plan as the pull request's one sticky comment and sets the <c>reconciler/plan</c> commit
/// status. A GitHub failure is reported on stderr; it never changes what the exit code says about the plan.
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

        var url = apiUrl ?? console.Environment("GITHUB_API_URL");
        try
        {
            using var github = new PullRequestPublisher(GitHubOptions.For(repository, token, url is null ? null : new Uri(url)));
            var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { PathPrefix = pathPrefix }).Render(plan);
            var comment = await github.UpsertPlanCommentAsync(pullRequest, MarkdownOptions.DefaultMarker, markdown, cancellationToken);
            await console.Error.WriteLineAsync($"reconciler: plan comment {comment.Action.ToString().ToLowerInvariant()}: {comment.HtmlUrl}");

            var head = sha ?? (await github.GetPullRequestAsync(pullRequest, cancellationToken)).HeadSha;
            var state = plan.HasErrors ? CommitStatusState.Failure : CommitStatusState.Success;
            await github.SetCommitStatusAsync(head, state, StatusContext, plan.Summary.ToString(), comment.HtmlUrl.ToString(), cancellationToken);
        }
        catch (GitHubPublishException e)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan to GitHub: {e.Message}");
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan to GitHub: {e.Message}");
        }
    }
}

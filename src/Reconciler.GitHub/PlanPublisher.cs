using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.GitHub;

/// <summary>
/// Posts a plan to a pull request — the one publish step for CI (<c>plan --github-repo</c>) and the service's
/// watcher: the sticky comment of the plan's baseline, then its commit status (pointing at the comment). The two
/// are independent: a token that may set statuses but not comment (or the reverse) still delivers what it can,
/// and the status is what branch protection reads. Failures are returned, never thrown.
/// </summary>
public sealed class PlanPublisher(IPullRequestPublisher github)
{
    /// <summary>Publishes with the channel's own words for where the whole plan is.</summary>
    public Task<PlanPublishResult> PublishAsync(Plan plan, int pullRequest, string? headSha, string? pathPrefix, CancellationToken cancellationToken) =>
        PublishAsync(plan, pullRequest, headSha, pathPrefix, null, cancellationToken);

    /// <param name="headSha">The commit the status is set on; null: the pull request's current head.</param>
    /// <param name="pathPrefix">The manifest folder inside the repository, prepended to file paths in the comment.</param>
    /// <param name="wholePlan">Markdown saying where the whole plan is when the comment is cut; null: the channel's own words.</param>
    public async Task<PlanPublishResult> PublishAsync(Plan plan, int pullRequest, string? headSha, string? pathPrefix, string? wholePlan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var channel = PlanChannel.For(plan.Compared);
        CommentResult? comment = null;
        string? commentError = null;
        try
        {
            var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { Marker = channel.Marker, PathPrefix = pathPrefix, WholePlan = wholePlan ?? channel.WholePlan }).Render(plan);
            comment = await github.UpsertPlanCommentAsync(pullRequest, channel.Marker, markdown, cancellationToken);
        }
        catch (Exception e) when (e is GitHubPublishException or ArgumentException)
        {
            commentError = Plain(e);
        }

        string? statusError = null;
        try
        {
            var head = headSha ?? (await github.GetPullRequestAsync(pullRequest, cancellationToken)).HeadSha;
            var state = plan.HasErrors ? CommitStatusState.Failure : CommitStatusState.Success;
            await github.SetCommitStatusAsync(head, state, channel.StatusContext, plan.Summary.ToString(), comment?.HtmlUrl.ToString(), cancellationToken);
        }
        catch (Exception e) when (e is GitHubPublishException or ArgumentException)
        {
            statusError = Plain(e);
        }

        return new PlanPublishResult(channel, comment, commentError, statusError);
    }

    // ArgumentException appends " (Parameter 'x')", which means nothing to someone reading a CI log.
    public static string Plain(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is ArgumentException { ParamName: { } name } argument ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
    }
}

using Reconciler.Core.Guardrails;
using Reconciler.Core.Planning;
using Reconciler.Core.Text;
using Reconciler.GitHub;

namespace Reconciler.Cli.Output;

/// <summary>
/// <c>plan --github-repo R --pr N</c>: posts the plan with the shared <see cref="PlanPublisher"/> (its baseline's
/// sticky comment and commit status) and reports on stderr. Our choice, documented in the README: by default a
/// GitHub failure is said plainly (stderr, and a warning annotation inside GitHub Actions) and the exit code still
/// says what the plan says, so a fork's read-only token or a GitHub outage does not fail a valid plan; with
/// <c>--require-publish</c> (strict CI) it exits <see cref="ExitCodes.PublishFailed"/> instead of 0 or 2.
/// </summary>
internal static class PullRequestPublishing
{
    /// <param name="savedPlan">The file <c>plan --out</c> saved, for the comment's note; null when none.</param>
    /// <param name="planExitCode">What the plan alone exits with.</param>
    /// <returns>The exit code: the plan's, or <see cref="ExitCodes.PublishFailed"/> when publishing was required and failed.</returns>
    public static async Task<int> PublishAsync(Plan plan, PullRequestTarget target, string? savedPlan, bool required, int planExitCode, CliConsole console, CancellationToken cancellationToken)
    {
        if (await TryPublishAsync(plan, target, savedPlan, console, cancellationToken))
        {
            return planExitCode;
        }

        var planWord = planExitCode == ExitCodes.Error ? "" : " (the plan itself is fine)";
        if (required)
        {
            await console.Error.WriteLineAsync($"reconciler: the plan was not published to pull request #{target.PullRequest}{planWord}; --require-publish: exit {ExitCodes.PublishFailed}");
            return planExitCode == ExitCodes.Error ? planExitCode : ExitCodes.PublishFailed;
        }

        await console.Error.WriteLineAsync($"reconciler: the plan was not published to pull request #{target.PullRequest}; the exit code reports the plan only (--require-publish makes this exit {ExitCodes.PublishFailed})");
        if (GitHubActions.IsRunningIn(console))
        {
            await console.Out.WriteLineAsync($"::warning title=reconciler::the plan was not published to pull request #{target.PullRequest} (see the job log); the exit code reports the plan only");
        }

        return planExitCode;
    }

    /// <returns>True when both the comment and the commit status were written.</returns>
    private static async Task<bool> TryPublishAsync(Plan plan, PullRequestTarget target, string? savedPlan, CliConsole console, CancellationToken cancellationToken)
    {
        var (repository, pullRequest, sha, apiUrl, pathPrefix) = target;
        var token = console.Environment("GITHUB_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            await console.Error.WriteLineAsync("reconciler: error: cannot publish the plan: GITHUB_TOKEN is not set (it needs pull-requests: write and statuses: write)");
            return false;
        }

        PullRequestPublisher github;
        try
        {
            github = new PullRequestPublisher(GitHubOptions.For(repository, token, ApiUri(apiUrl ?? console.Environment("GITHUB_API_URL"))));
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not publish the plan to GitHub: {PlanPublisher.Plain(e)}");
            return false;
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

            var policyPublished = plan.Policy.IsEmpty || await TryPublishPolicyAsync(plan, github, pullRequest, sha, result.Comment?.HtmlUrl.ToString(), console, cancellationToken);
            return result.Comment is not null && result.StatusError is null && policyPublished;
        }
    }

    /// <summary>
    /// The <c>reconciler/policy</c> status, when the repository has a policy. It does not change the exit code: a missing
    /// approval is for branch protection to enforce (make the status required), and rule errors already fail the plan.
    /// </summary>
    private static async Task<bool> TryPublishPolicyAsync(Plan plan, PullRequestPublisher github, int pullRequest, string? sha, string? commentUrl, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await new PolicyStatusPublisher(github, github).PublishAsync(plan, pullRequest, sha, commentUrl, cancellationToken);
            var word = verdict.Passed ? "success" : "failure";
            await console.Error.WriteLineAsync($"reconciler: {PolicyVerdict.StatusContext}: {word}: {ControlText.Escape(verdict.Description)}");
            return true;
        }
        catch (Exception e) when (e is GitHubPublishException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not set the {PolicyVerdict.StatusContext} commit status: {PlanPublisher.Plain(e)}");
            return false;
        }
    }

    /// <summary>Where <c>plan --github-repo R --pr N</c> posts: the pull request, the commit for the status, and the display prefix of paths.</summary>
    public sealed record PullRequestTarget(string Repository, int PullRequest, string? Sha, string? ApiUrl, string PathPrefix);

    // The value itself is not echoed: a mistyped URL may hold credentials.
    internal static Uri? ApiUri(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException("the GitHub API URL (--github-api-url or GITHUB_API_URL) is not an absolute URL such as https://github.example.com/api/v3", nameof(url));
}

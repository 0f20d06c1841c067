using Reconciler.GitHub;

namespace Reconciler.Cli.Output;

/// <summary>
/// <c>rollback --github-repo</c>: after the rollback, a pull request from the branch's head to the rolled-back tree, so the
/// branch can be made to say what the platform holds. Opening it is reported on stderr; a failure never changes the exit code
/// (the rollback happened).
/// </summary>
internal static class RevertPullRequest
{
    public static async Task OpenAsync(string repository, string? apiUrl, string head, string revision, string branch, CliConsole console, CancellationToken cancellationToken)
    {
        var token = console.Environment("GITHUB_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            await console.Error.WriteLineAsync("reconciler: error: cannot open the revert pull request: GITHUB_TOKEN is not set (it needs contents: write and pull-requests: write)");
            return;
        }

        try
        {
            using var github = new PullRequestPublisher(GitHubOptions.For(repository, token, PullRequestPublishing.ApiUri(apiUrl ?? console.Environment("GITHUB_API_URL"))));
            var (number, url) = await github.OpenRevertPullRequestAsync(head, revision, branch, cancellationToken);
            await console.Out.WriteLineAsync($"Revert pull request #{number}: {url}");
        }
        catch (Exception e) when (e is ArgumentException or GitHubPublishException)
        {
            await console.Error.WriteLineAsync($"reconciler: error: could not open the revert pull request: {PlanPublisher.Plain(e)}");
        }
    }
}

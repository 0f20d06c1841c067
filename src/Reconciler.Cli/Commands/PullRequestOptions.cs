using System.CommandLine;

namespace Reconciler.Cli.Commands;

/// <summary>Options that publish a plan to a pull request (sticky comment and commit status).</summary>
internal sealed class PullRequestOptions
{
    public Option<string?> Repository { get; } = new("--github-repo")
    {
        Description = "Publish the plan to this GitHub repository (OWNER/NAME) as one pull-request comment, edited in place on later runs. Token from GITHUB_TOKEN.",
    };

    public Option<int?> PullRequest { get; } = new("--pr") { Description = "The pull request number to comment on (with --github-repo)." };

    public Option<string?> Sha { get; } = new("--sha")
    {
        Description = "Commit to set the reconciler/plan status on. Default: the pull request's head commit, read from GitHub.",
    };

    public Option<string?> ApiUrl { get; } = new("--github-api-url")
    {
        Description = "GitHub API base URL (GitHub Enterprise: https://HOST/api/v3). Default: https://api.github.com, or GITHUB_API_URL.",
    };

    public Option<bool> RequirePublish { get; } = new("--require-publish")
    {
        Description = "For strict CI: exit 6 when the plan is fine but could not be posted to the pull request (comment or commit status). Without it a failed publish is reported on stderr (and as a warning annotation in GitHub Actions) and the exit code reports the plan alone.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Repository);
        command.Options.Add(RequirePublish);
        command.Options.Add(PullRequest);
        command.Options.Add(Sha);
        command.Options.Add(ApiUrl);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(Repository) is null) != (result.GetValue(PullRequest) is null))
            {
                result.AddError("--github-repo and --pr go together");
            }

            if (result.GetValue(RequirePublish) && result.GetValue(Repository) is null)
            {
                result.AddError("--require-publish needs --github-repo and --pr");
            }

            // Caught here, as a usage error, rather than as two stack-trace-like lines from the GitHub client.
            if (result.GetValue(PullRequest) is <= 0)
            {
                result.AddError("--pr must be a pull request number (1 or more)");
            }
        });
    }
}

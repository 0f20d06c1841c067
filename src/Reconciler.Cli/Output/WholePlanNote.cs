using System.Text.RegularExpressions;
using Reconciler.Core.Rendering;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Output;

/// <summary>
/// Where a cut pull-request comment sends its reader for the whole plan: inside GitHub Actions, this run's job
/// summary (linked) and, with <c>plan --out</c>, the saved plan file the workflow keeps as an artefact. The run's
/// address is built from the runner's variables only when each has the expected form, so nothing from the
/// environment becomes markup.
/// </summary>
internal static partial class WholePlanNote
{
    public static string ForComment(CliConsole console, string? savedPlan)
    {
        var saved = savedPlan is null ? "" : $", and in the saved plan {MarkdownCode(Path.GetFileName(savedPlan))} (the sample workflow keeps it as the run's artefact `reconciler-plan`)";
        if (!GitHubActions.IsRunningIn(console))
        {
            return savedPlan is null ? MarkdownOptions.DefaultWholePlan : $"The whole plan: `reconciler plan` locally (`--list-grouped` lists every grouped task){saved}.";
        }

        var run = RunUrl(console);
        var summary = run is null ? "the job summary of this workflow run" : $"the [job summary of this workflow run]({run})";
        return $"The whole plan, every grouped task listed, is in {summary}{saved}.";
    }

    /// <summary>For the job summary itself (cut only past about 345,000 characters): the step's log has the text plan.</summary>
    public const string ForStepSummary = "The whole plan is in this step's log (run `reconciler plan --list-grouped` to list every grouped task).";

    private static string? RunUrl(CliConsole console)
    {
        var server = console.Environment("GITHUB_SERVER_URL");
        var repository = console.Environment("GITHUB_REPOSITORY");
        var runId = console.Environment("GITHUB_RUN_ID");
        return server is not null && Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && string.IsNullOrEmpty(uri.UserInfo)
            && repository is not null && RepositoryName().IsMatch(repository)
            && runId is not null && RunId().IsMatch(runId)
            ? $"{uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{repository}/actions/runs/{runId}"
            : null;
    }

    private static string MarkdownCode(string text) => "`" + ControlText.Escape(text).Replace("`", "'", StringComparison.Ordinal) + "`";

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex RunId();
}

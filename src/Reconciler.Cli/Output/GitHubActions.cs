using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Cli.Output;

/// <summary>
/// Extra output inside GitHub Actions: every diagnostic as an annotation on stdout, and the markdown
/// plan appended to the job summary ($GITHUB_STEP_SUMMARY).
/// </summary>
internal static class GitHubActions
{
    /// <summary>
    /// GitHub drops a step summary over 1 MiB, counted in UTF-8 bytes. The renderer counts UTF-16 units, and one
    /// unit is at most 3 bytes (Chinese text is exactly that), so a third of 1 MiB, less room for what the step
    /// may already have written, always fits.
    /// </summary>
    public const int StepSummaryMaxLength = (1024 * 1024 / 3) - 4096;

    public static bool IsRunningIn(CliConsole console) => string.Equals(console.Environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="filePrefix">Written before every manifest path (<see cref="DisplayPaths.PrefixFor"/>).</param>
    public static async Task WriteAnnotationsAsync(Plan plan, string filePrefix, CliConsole console) =>
        await console.Out.WriteAsync(GitHubAnnotations.Render(plan.Diagnostics, filePrefix));

    /// <param name="filePrefix">Written before every manifest path (<see cref="DisplayPaths.PrefixFor"/>).</param>
    public static async Task AppendStepSummaryAsync(Plan plan, string filePrefix, CliConsole console, CancellationToken cancellationToken)
    {
        if (console.Environment("GITHUB_STEP_SUMMARY") is not { Length: > 0 } path)
        {
            return;
        }

        var markdown = new MarkdownPlanRenderer(new MarkdownOptions(MaxLength: StepSummaryMaxLength, PathPrefix: filePrefix, WholePlan: WholePlanNote.ForStepSummary)).Render(plan);
        try
        {
            await File.AppendAllTextAsync(console.ResolvePath(path), markdown + "\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The summary is a convenience, like the PR comment: it must not turn a valid plan into a failed job.
            await console.Error.WriteLineAsync($"reconciler: warning: could not append the plan to the job summary (GITHUB_STEP_SUMMARY): {e.Message}");
        }
    }
}

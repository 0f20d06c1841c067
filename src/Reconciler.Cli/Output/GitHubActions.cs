using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Cli.Output;

/// <summary>
/// Extra output inside GitHub Actions: every diagnostic as an annotation on stdout, and the markdown
/// plan appended to the job summary ($GITHUB_STEP_SUMMARY).
/// </summary>
public static class GitHubActions
{
    public static bool IsRunningIn(CliConsole console) => string.Equals(console.Environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAnnotationsAsync(Plan plan, CliConsole console) =>
        await console.Out.WriteAsync(GitHubAnnotations.Render(plan.Diagnostics));

    public static async Task AppendStepSummaryAsync(Plan plan, CliConsole console, CancellationToken cancellationToken)
    {
        if (console.Environment("GITHUB_STEP_SUMMARY") is not { Length: > 0 } path)
        {
            return;
        }

        // The job summary allows 1 MiB per step; stay well inside it.
        var markdown = new MarkdownPlanRenderer(new MarkdownOptions(MaxLength: 512 * 1024)).Render(plan);
        await File.AppendAllTextAsync(console.ResolvePath(path), markdown + "\n", cancellationToken);
    }
}

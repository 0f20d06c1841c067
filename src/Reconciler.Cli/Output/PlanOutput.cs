using Reconciler.Cli.Commands;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Cli.Output;

/// <summary>
/// How <c>plan</c> shows a plan and what it exits with: one file for <c>reconciler plan</c> and the native
/// <c>reconciler-plan</c>, which compiles it too, so the two print the same bytes.
/// </summary>
internal static class PlanOutput
{
    public static int ExitCode(Plan plan, bool detailed) =>
        plan.HasErrors ? ExitCodes.Error : detailed && plan.Summary.HasChanges ? ExitCodes.Changes : ExitCodes.Success;

    /// <param name="filePrefix">Written before every manifest path as the plan is rendered (<see cref="DisplayPaths.PrefixFor"/>).</param>
    public static IPlanRenderer Renderer(PlanFormat format, CliConsole console, bool listGrouped, string filePrefix) => format switch
    {
        PlanFormat.Json => new JsonPlanRenderer(filePrefix),
        PlanFormat.Markdown => new MarkdownPlanRenderer(new MarkdownOptions(PathPrefix: filePrefix)),
        _ => new TextPlanRenderer(console.UseColor && format == PlanFormat.Text, listGrouped, filePrefix),
    };

    public static async Task WriteAsync(Plan plan, string prefix, PlanFormat format, bool listGrouped, CliConsole console, CancellationToken cancellationToken)
    {
        using (var output = new BufferedOutput(console.Out))
        {
            // Streamed: a plan of 100,000 tasks is written as it is rendered, never held as one string; paths are
            // prefixed as they are written, so the plan is never copied to be shown.
            Renderer(format, console, listGrouped, prefix).Render(plan, output);
        }

        if (format is PlanFormat.Json or PlanFormat.Markdown)
        {
            // stdout is usually redirected to a file for these formats: keep the errors visible where the user looks.
            foreach (var error in plan.Diagnostics.Where(d => d.IsError))
            {
                await console.Error.WriteLineAsync(error.Display(prefix));
            }
        }

        var inActions = GitHubActions.IsRunningIn(console);
        if (format == PlanFormat.GitHub || (inActions && format == PlanFormat.Text))
        {
            await GitHubActions.WriteAnnotationsAsync(plan, prefix, console);
        }

        if (inActions)
        {
            await GitHubActions.AppendStepSummaryAsync(plan, prefix, console, cancellationToken);
        }
    }
}

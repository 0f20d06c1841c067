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

    public static IPlanRenderer Renderer(PlanFormat format, CliConsole console, bool listGrouped) => format switch
    {
        PlanFormat.Json => new JsonPlanRenderer(),
        PlanFormat.Markdown => new MarkdownPlanRenderer(),
        _ => new TextPlanRenderer(console.UseColor && format == PlanFormat.Text, listGrouped),
    };

    public static async Task WriteAsync(Plan plan, string prefix, PlanFormat format, bool listGrouped, CliConsole console, CancellationToken cancellationToken)
    {
        var shown = DisplayPaths.Apply(plan, prefix);
        using (var output = new BufferedOutput(console.Out))
        {
            // Streamed: a plan of 100,000 tasks is written as it is rendered, never held as one string.
            Renderer(format, console, listGrouped).Render(shown, output);
        }

        if (format is PlanFormat.Json or PlanFormat.Markdown)
        {
            // stdout is usually redirected to a file for these formats: keep the errors visible where the user looks.
            foreach (var error in shown.Diagnostics.Where(d => d.IsError))
            {
                await console.Error.WriteLineAsync(error.ToString());
            }
        }

        var inActions = GitHubActions.IsRunningIn(console);
        if (format == PlanFormat.GitHub || (inActions && format == PlanFormat.Text))
        {
            await GitHubActions.WriteAnnotationsAsync(shown, console);
        }

        if (inActions)
        {
            await GitHubActions.AppendStepSummaryAsync(shown, console, cancellationToken);
        }
    }
}

using Reconciler.Core.Rendering;

namespace Reconciler.Cli.Commands;

/// <summary>The output formats of <c>plan</c>.</summary>
internal enum PlanFormat
{
    Text,
    Json,
    Markdown,

    /// <summary>Text, plus every diagnostic as a GitHub Actions annotation.</summary>
    GitHub,
}

internal static class PlanFormats
{
    /// <summary><c>--list-grouped</c>: list every task of each group of identical changes in the text format.</summary>
    public static System.CommandLine.Option<bool> ListGrouped() => new("--list-grouped")
    {
        Description = $"Identical changes to many tasks are shown once, as a group; the text format lists a group's tasks only when it has at most {GroupText.ListedInline}. This lists them all (markdown collapses them, json always has them).",
    };

    public static IPlanRenderer Renderer(PlanFormat format, CliConsole console, bool listGrouped) => format switch
    {
        PlanFormat.Json => new JsonPlanRenderer(),
        PlanFormat.Markdown => new MarkdownPlanRenderer(),
        _ => new TextPlanRenderer(console.UseColor && format == PlanFormat.Text, listGrouped),
    };
}

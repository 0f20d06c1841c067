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
    public static IPlanRenderer Renderer(PlanFormat format, CliConsole console) => format switch
    {
        PlanFormat.Json => new JsonPlanRenderer(),
        PlanFormat.Markdown => new MarkdownPlanRenderer(),
        _ => new TextPlanRenderer(console.UseColor && format == PlanFormat.Text),
    };
}

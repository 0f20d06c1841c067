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

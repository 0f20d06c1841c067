using Reconciler.Core.Rendering;

namespace Reconciler.Cli.Commands;

internal static class PlanFormats
{
    /// <summary><c>--list-grouped</c>: list every task of each group of identical changes in the text format.</summary>
    public static System.CommandLine.Option<bool> ListGrouped() => new("--list-grouped")
    {
        Description = $"Identical changes to many tasks are shown once, as a group; the text format lists a group's tasks only when it has at most {GroupText.ListedInline}. This lists them all (markdown collapses them, json always has them).",
    };
}

using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// The oracle for renderers that prefix paths as they write: the way the CLI showed a plan before, a copy of the whole
/// plan with every location's file prefixed (the former <c>DisplayPaths.Apply</c>), rendered without a prefix.
/// </summary>
internal static class CopiedDisplayPaths
{
    public static Plan Apply(Plan plan, string prefix)
    {
        if (prefix.Length == 0)
        {
            return plan;
        }

        SourceLocation At(SourceLocation location) => location with { File = prefix + location.File };
        IReadOnlyList<Diagnostic> All(IReadOnlyList<Diagnostic> diagnostics) =>
            [.. diagnostics.Select(d => d.Location is null ? d : d with { Location = At(d.Location) })];

        return plan with
        {
            Entries = [.. plan.Entries.Select(e => e with { Location = e.Location is null ? null : At(e.Location), Diagnostics = All(e.Diagnostics) })],
            UnidentifiedDocuments = [.. plan.UnidentifiedDocuments.Select(d => d with { Location = At(d.Location), Diagnostics = All(d.Diagnostics) })],
            PolicyProblems = All(plan.PolicyProblems),
        };
    }
}

using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Planning;

/// <summary>
/// One row of a plan as a person reads it: a task's <see cref="PlanEntry"/>, or an <see cref="UnidentifiedDocument"/>
/// (a document that names no task). Renderers and status views walk <see cref="Plan.Rows"/>; what only a task has
/// (changes, deferrals, an identity) they read after <c>row is PlanEntry</c>.
/// </summary>
public interface IPlanRow
{
    PlanAction Action { get; }

    string? Name { get; }

    SourceLocation? Location { get; }

    IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The TaskSet the row belongs to (its name), or null.</summary>
    string? SetName { get; }

    string? File { get; }
}

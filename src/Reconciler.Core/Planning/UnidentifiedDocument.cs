using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Planning;

/// <summary>
/// An invalid document whose task identity could not be read: a problem of the plan, not an entry of it (like
/// Terraform's diagnostics without an address). It claims no task, so it never keeps a record managed by identity;
/// its file does (<see cref="Validation.DesiredState.MayHold"/>). Every format shows it as an invalid row, in plan order.
/// </summary>
public sealed record UnidentifiedDocument(string? Name, SourceLocation Location, IReadOnlyList<Diagnostic> Diagnostics) : IPlanRow
{
    public PlanAction Action => PlanAction.Invalid;

    SourceLocation? IPlanRow.Location => Location;

    public string? SetName { get; init; }

    public string File => Location.File;

    string? IPlanRow.File => File;
}

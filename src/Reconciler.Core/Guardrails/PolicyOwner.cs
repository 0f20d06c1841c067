namespace Reconciler.Core.Guardrails;

/// <summary>
/// Who must approve a change to the tasks a selector matches: GitHub logins (<c>lead-alice</c>) or teams
/// (<c>@acme/collections-leads</c>, any member approves).
/// </summary>
public sealed record PolicyOwner(PolicySelector Select, IReadOnlyList<string> Approvers)
{
    /// <summary>Whether an approver entry names a team (<c>@org/team</c>) rather than a login.</summary>
    public static bool IsTeam(string approver) => approver.StartsWith('@') && approver.Contains('/', StringComparison.Ordinal);
}

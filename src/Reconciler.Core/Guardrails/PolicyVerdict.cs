using Reconciler.Core.Planning;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// The <c>reconciler/policy</c> decision for a pull request's plan: it passes only when no error rule is violated, no
/// limit is exceeded, and every owner entry whose tasks change has an approval from one of its approvers on the head.
/// </summary>
/// <param name="Passed">Whether the status is success.</param>
/// <param name="Description">One line for the commit status (GitHub cuts it at 140 characters; the reconciler too).</param>
/// <param name="Missing">The owner entries still waiting for an approval.</param>
public sealed record PolicyVerdict(bool Passed, string Description, IReadOnlyList<OwnerRequirement> Missing)
{
    public const string StatusContext = "reconciler/policy";

    /// <param name="approves">Whether an approver entry (a login or <c>@org/team</c>) is satisfied by the head's approvals.</param>
    public static PolicyVerdict Decide(Plan plan, RepositoryPolicy policy, Func<string, bool> approves)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(approves);
        var violations = plan.Rows.SelectMany(e => e.Diagnostics).Where(d => d.IsError && d.Code == PolicyRules.Code)
            .Concat(plan.PolicyProblems.Where(p => p.IsError))
            .ToList();
        var missing = OwnerRequirement.Of(plan, policy).Where(r => !r.Owner.Approvers.Any(approves)).ToList();
        if (violations.Count > 0)
        {
            var more = violations.Count > 1 ? $" (+{violations.Count - 1} more)" : "";
            return new PolicyVerdict(false, violations[0].Message + more, missing);
        }

        if (missing.Count > 0)
        {
            var first = missing[0];
            var more = missing.Count > 1 ? $"; +{missing.Count - 1} more owner group(s)" : "";
            return new PolicyVerdict(false, $"needs an approving review on this commit by {first.ApproverText} ({first.Tasks.Count} owned task(s) changed){more}", missing);
        }

        var owned = OwnerRequirement.Of(plan, policy).Count;
        return new PolicyVerdict(true, owned > 0 ? "policy passed; owners approved" : "policy passed", []);
    }
}

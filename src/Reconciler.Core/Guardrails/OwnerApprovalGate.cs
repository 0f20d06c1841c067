using Reconciler.Core.Planning;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// The service's second line behind branch protection: a change to an owned task is sent only when the merged pull
/// request of the revision carries an approval by one of its owners. Otherwise it stays in the plan, held back as
/// <see cref="DeferralKind.PolicyBlocked"/>, and the rest of the revision applies.
/// </summary>
public static class OwnerApprovalGate
{
    /// <param name="approves">Whether an approver entry (a login or <c>@org/team</c>) approved the revision's pull request; always false for a direct push.</param>
    /// <param name="source">How the approvals were found, for the reason (e.g. <c>pull request #12</c>, <c>no merged pull request</c>).</param>
    public static Plan Apply(Plan plan, Func<string, bool> approves, string source)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(approves);
        var blocked = OwnerRequirement.Of(plan, plan.Policy)
            .Where(r => !r.Owner.Approvers.Any(approves))
            .SelectMany(r => r.Tasks.Select(t => (Task: t, r.ApproverText)))
            .GroupBy(x => x.Task.Identity)
            .ToDictionary(g => g.Key!, g => string.Join("; ", g.Select(x => x.ApproverText).Distinct(StringComparer.Ordinal)));
        if (blocked.Count == 0)
        {
            return plan;
        }

        var entries = plan.Entries.Select(e => e.WillSend && blocked.TryGetValue(e.Identity, out var owners)
            ? e with { Deferral = new Deferral(DeferralKind.PolicyBlocked, $"an owned task: needs an approving review by {owners} on the merged pull request ({source}); not sent") }
            : e).ToList();
        return plan with { Entries = entries };
    }

    /// <summary>Whether the policy names any owner, i.e. whether approvals must be looked up at all.</summary>
    public static bool Needed(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Policy.Owners.Count > 0 && plan.ToSend.Any();
    }
}

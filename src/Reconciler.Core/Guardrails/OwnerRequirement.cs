using Reconciler.Core.Planning;

namespace Reconciler.Core.Guardrails;

/// <summary>One owner entry whose tasks the plan changes: one of its approvers must approve.</summary>
/// <param name="Tasks">The changed tasks it covers (for the status's and the comment's words).</param>
public sealed record OwnerRequirement(PolicyOwner Owner, IReadOnlyList<PlanEntry> Tasks)
{
    /// <summary>The owner entries a plan's changes (updates and adoptions) fall under; each changed task needs every entry that selects it.</summary>
    public static IReadOnlyList<OwnerRequirement> Of(Plan plan, RepositoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        var changed = plan.Entries.Where(e => e.Action.SendsPut()).ToList();
        return policy.Owners
            .Select(owner => new OwnerRequirement(owner, changed.Where(e => e.Desired is { } desired && owner.Select.Matches(PolicySubjects.Of(desired))).ToList()))
            .Where(r => r.Tasks.Count > 0)
            .ToList();
    }

    /// <summary>The approvers as one phrase: <c>lead-alice or @acme/collections-leads</c>.</summary>
    public string ApproverText => string.Join(" or ", Owner.Approvers);
}

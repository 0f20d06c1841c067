using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.SavedPlans;

/// <summary>Turns a plan made against the live state into what <c>plan --out</c> writes: its changes, each with what it replaces.</summary>
public static class SavedPlanBuilder
{
    /// <param name="version">The state's version read before the plan was made (null: there was no state).</param>
    /// <exception cref="InvalidOperationException">The plan is not against the live state, or has invalid manifests.</exception>
    public static SavedPlan From(Plan plan, StateVersion? version, SavedState state, SavedSource source, SavedPlanOptions options, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        if (plan.Compared != BaselineKind.LiveState || plan.HasErrors)
        {
            throw new InvalidOperationException("only a valid plan against the live state can be saved");
        }

        var entries = plan.Entries
            .Where(e => e.Deferral is null && (e.Action.SendsPut() || e.Action == PlanAction.Unmanage))
            .Select(Entry)
            .ToList();
        return new SavedPlan(createdAt, state with { StoreId = version?.StoreId, Serial = version?.Serial ?? 0 }, source, options, plan.Summary.ToString(), entries);
    }

    private static SavedEntry Entry(PlanEntry entry) => new(
        entry.Action,
        entry.Identity,
        entry.Name,
        entry.Location?.File ?? entry.Baseline?.SourceFile ?? "",
        entry.Location?.Line ?? 1,
        entry.Location?.Column ?? 1,
        entry.Reason,
        entry.Desired?.Flavour,
        entry.Desired?.SubUserId,
        entry.Desired?.StopBeforeUpdate ?? false,
        entry.Baseline?.Body.Hash,
        entry.InDoubt?.Id,
        LiveDigest.Of(entry),
        entry.Desired?.Body,
        entry.Changes.ToList())
    {
        Set = entry.Desired?.Set,
    };
}

using Reconciler.Core.Reconciling;

namespace Reconciler.Core.SavedPlans;

/// <summary>A saved plan checked against what is true now: either the plan to apply, or every reason it may not be.</summary>
public sealed record SavedPlanVerdict(PendingPlan? Pending, IReadOnlyList<Staleness> Stale)
{
    public bool Refused => Pending is null;
}

using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>The per-outcome counts recorded with each run (<see cref="State.RunRecord.Outcomes"/>), the same for the CLI and the service.</summary>
public static class RunOutcomes
{
    /// <param name="report">Null when nothing was applied (plan-only run).</param>
    public static Dictionary<string, int> Count(Plan plan, ApplyReport? report)
    {
        var outcomes = report?.Results.GroupBy(r => r.Outcome.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()) ?? [];
        outcomes["unchanged"] = plan.Summary.Unchanged;
        outcomes["invalid"] = plan.Summary.Invalid;
        outcomes["suspended"] = plan.Summary.Suspended;
        outcomes["unmanaged"] = report?.Unmanaged ?? 0;
        return outcomes;
    }
}

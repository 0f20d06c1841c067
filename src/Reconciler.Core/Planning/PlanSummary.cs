namespace Reconciler.Core.Planning;

/// <summary>Counts per action, and the summary line every format shows.</summary>
public sealed record PlanSummary(int Update, int Adopt, int Unmanage, int Invalid, int Unchanged, int Suspended)
{
    public static PlanSummary Of(IEnumerable<IPlanRow> entries)
    {
        var counts = entries.GroupBy(e => e.Action).ToDictionary(g => g.Key, g => g.Count());
        int Count(PlanAction action) => counts.GetValueOrDefault(action);
        return new PlanSummary(
            Count(PlanAction.Update),
            Count(PlanAction.Adopt),
            Count(PlanAction.Unmanage),
            Count(PlanAction.Invalid),
            Count(PlanAction.Unchanged),
            Count(PlanAction.Suspended));
    }

    /// <summary>Whether applying would change anything (a PUT or a forgotten record).</summary>
    public bool HasChanges => Update + Adopt + Unmanage > 0;

    /// <summary><c>Plan: 2 to update, 1 to adopt, 0 to unmanage, 1 invalid, 8 unchanged.</c> (suspended only when there are any).</summary>
    public override string ToString()
    {
        var suspended = Suspended > 0 ? $", {Suspended} suspended" : "";
        return $"Plan: {Update} to update, {Adopt} to adopt, {Unmanage} to unmanage, {Invalid} invalid, {Unchanged} unchanged{suspended}.";
    }
}

namespace Reconciler.Core.Planning.Grouping;

/// <summary>
/// A plan as a reviewer reads it: the entries with a change of their own (shown whole, first) and the groups of
/// identical changes. Unchanged entries are in neither (every format counts them instead of listing them).
/// </summary>
/// <param name="Distinct">Listed rows that are in no group (unidentified documents among them), in plan order.</param>
/// <param name="Groups">Groups of identical changes: by action, then the largest first.</param>
internal sealed record GroupedPlan(Plan Plan, IReadOnlyList<IPlanRow> Distinct, IReadOnlyList<ChangeGroup> Groups)
{
    private readonly Dictionary<PlanEntry, ChangeGroup> _groupOf = Index(Groups);

    /// <summary>The group holding <paramref name="row"/> (compared by reference), or null when it is distinct or unchanged.</summary>
    public ChangeGroup? GroupOf(IPlanRow row) => row is PlanEntry entry ? _groupOf.GetValueOrDefault(entry) : null;

    /// <summary>Members of every group.</summary>
    public int GroupedCount => _groupOf.Count;

    private static Dictionary<PlanEntry, ChangeGroup> Index(IReadOnlyList<ChangeGroup> groups)
    {
        // By reference: entries are records, and comparing them by value would compare every field of each.
        var index = new Dictionary<PlanEntry, ChangeGroup>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            foreach (var member in group.Members)
            {
                index[member] = group;
            }
        }

        return index;
    }
}

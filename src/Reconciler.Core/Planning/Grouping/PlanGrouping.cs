namespace Reconciler.Core.Planning.Grouping;

/// <summary>
/// Groups a plan's identical changes (<see cref="ChangeGroup"/>): a change to thousands of tasks is read once, and
/// the few tasks with a change of their own stand out. A pure function of the plan: same plan, same groups, same
/// order. Entries that say something about themselves alone (in doubt since a given time, a per-task answer) have
/// a key of their own and so stay distinct.
/// </summary>
internal static class PlanGrouping
{
    /// <summary>
    /// Fewest identical changes that make a group. Fewer are shown each whole, as any distinct change: up to four
    /// blocks read as quickly as one group does, and every task keeps its own block (and name) in small plans.
    /// </summary>
    public const int MinimumSize = 5;

    public static GroupedPlan Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var listed = plan.Rows.Where(e => e.Action != PlanAction.Unchanged).ToList();
        var byKey = new Dictionary<string, List<PlanEntry>>(StringComparer.Ordinal);
        foreach (var entry in listed.OfType<PlanEntry>())
        {
            if (ChangeKey.Of(entry) is { } key)
            {
                if (!byKey.TryGetValue(key, out var members))
                {
                    byKey[key] = members = [];
                }

                members.Add(entry);
            }
        }

        var position = new Dictionary<IPlanRow, int>(ReferenceEqualityComparer.Instance);
        foreach (var entry in listed)
        {
            position[entry] = position.Count;
        }

        var groups = byKey.Values
            .Where(members => members.Count >= MinimumSize)
            .OrderBy(members => members[0].Action)
            .ThenByDescending(members => members.Count)
            .ThenBy(members => position[members[0]])
            .Select((members, index) => Group(index + 1, members))
            .ToList();
        var grouped = new HashSet<IPlanRow>(groups.SelectMany(g => g.Members), ReferenceEqualityComparer.Instance);
        return new GroupedPlan(plan, listed.Where(e => !grouped.Contains(e)).ToList(), groups);
    }

    private static ChangeGroup Group(int number, List<PlanEntry> members)
    {
        var first = members[0];
        var changes = first.Action == PlanAction.Adopt && !first.Refreshed
            ? first.Changes.Where(c => c.Path != ChangeKey.NamePath).ToList()
            : first.Changes;
        return new ChangeGroup(number, first.Action, changes, first.Warnings.ToList(), members);
    }
}

namespace Reconciler.Core.Planning;

/// <summary>
/// Sorts a plan's entries into plan order (<see cref="PlanRows.Order"/>) with the result of a stable sort, in linear
/// time when they come almost in order: the planner adds the tasks in place order (the desired state is sorted by
/// place), so after a stable split by action each action's entries are usually in order already and only the others
/// (the unmanaged, which come from the inventory in no order) are sorted. At 100,000 tasks this replaces a sort of
/// the whole plan on every pass by a check of it.
/// </summary>
internal static class PlanOrder
{
    public static List<PlanEntry> Sort(IReadOnlyList<PlanEntry> entries)
    {
        var byAction = new SortedDictionary<PlanAction, List<PlanEntry>>();
        foreach (var entry in entries)
        {
            if (!byAction.TryGetValue(entry.Action, out var bucket))
            {
                byAction[entry.Action] = bucket = [];
            }

            bucket.Add(entry);
        }

        var sorted = new List<PlanEntry>(entries.Count);
        foreach (var bucket in byAction.Values)
        {
            // A stable sort of a bucket already in order is the bucket itself.
            sorted.AddRange(InOrder(bucket) ? bucket : bucket.Order<PlanEntry>(PlanRows.Order));
        }

        return sorted;
    }

    private static bool InOrder(List<PlanEntry> bucket)
    {
        for (var i = 1; i < bucket.Count; i++)
        {
            if (PlanRows.Order.Compare(bucket[i - 1], bucket[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}

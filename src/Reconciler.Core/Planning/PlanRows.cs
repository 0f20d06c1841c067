using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Planning;

/// <summary>
/// The one place that puts a plan's <see cref="Plan.UnidentifiedDocuments"/> back among its entries, in plan order
/// (action, then file and place, then identity; a document with no identity before a task at the same place), so
/// every format, the grouping and the task states show the rows exactly where a single sorted list had them.
/// </summary>
internal static class PlanRows
{
    /// <summary>Every row of <paramref name="plan"/> in plan order; the entries keep their own order.</summary>
    public static IReadOnlyList<IPlanRow> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var documents = plan.UnidentifiedDocuments;
        if (documents.Count == 0)
        {
            return plan.Entries;
        }

        var rows = new List<IPlanRow>(plan.Entries.Count + documents.Count);
        var next = 0;
        foreach (var entry in plan.Entries)
        {
            while (next < documents.Count && Order.Compare(documents[next], entry) <= 0)
            {
                rows.Add(documents[next++]);
            }

            rows.Add(entry);
        }

        rows.AddRange(documents.Skip(next));
        return rows;
    }

    /// <summary>Plan order over rows: action, then place, then identity (none first).</summary>
    internal static readonly IComparer<IPlanRow> Order = Comparer<IPlanRow>.Create((x, y) =>
    {
        var byAction = x.Action.CompareTo(y.Action);
        if (byAction != 0)
        {
            return byAction;
        }

        var byLocation = Comparer<SourceLocation?>.Default.Compare(x.Location, y.Location);
        return byLocation != 0 ? byLocation : Comparer<TaskIdentity?>.Default.Compare((x as PlanEntry)?.Identity, (y as PlanEntry)?.Identity);
    });
}

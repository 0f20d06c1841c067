using Reconciler.Core.Reconciling;

namespace Reconciler.Service.State;

/// <summary>
/// When the runner drops the inventory it keeps in memory (<see cref="InventoryCache"/>): when it (re)reads the
/// history (start, a new leadership term), on an explicit sync (an operator's way to force a fresh read), and, for a
/// store several replicas share, on every resync as well: our choice, so a leader never plans for longer than one
/// resync period against a copy that another writer could in principle have outdated.
/// </summary>
/// <param name="SharedStore">Several replicas share the store (PostgreSQL with leader election).</param>
public sealed record InventoryReload(InventoryCache Inventory, bool SharedStore)
{
    public void HistoryRead() => Inventory.Invalidate();

    public void PassStarting(RunTrigger trigger)
    {
        if (trigger == RunTrigger.Sync || (SharedStore && trigger == RunTrigger.Resync))
        {
            Inventory.Invalidate();
        }
    }
}

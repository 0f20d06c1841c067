using Prometheus;

namespace Reconciler.Service.Metrics;

/// <summary>
/// What a plan had to redo (the incremental pass): manifest files parsed and validated against those answered from the
/// evaluation cache (a git blob that did not change), and reads of the whole inventory from the state store. A pass with
/// nothing to change parses nothing and reads no inventory. Thread-safe.
/// </summary>
public sealed class PlanWorkMetrics
{
    private readonly Counter _files;
    private readonly Counter _inventoryLoads;

    public PlanWorkMetrics(IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _files = factory.CreateCounter("reconciler_manifest_files_total", "Manifest files per plan: evaluated (parsed and validated) or cached (its git blob unchanged since the previous plan).", ["result"]);
        _files.WithLabels("evaluated").Inc(0);
        _files.WithLabels("cached").Inc(0);
        _inventoryLoads = factory.CreateCounter("reconciler_inventory_loads_total", "Reads of the whole inventory (every last-applied record) from the state store; the service keeps it in memory between passes.");
    }

    public void Planned(int evaluatedFiles, int cachedFiles)
    {
        _files.WithLabels("evaluated").Inc(evaluatedFiles);
        _files.WithLabels("cached").Inc(cachedFiles);
    }

    public void InventoryLoaded() => _inventoryLoads.Inc();
}

using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Service;

/// <summary>
/// Which tasks were last seen drifted. Only a run that refreshed knows (the live tasks are read on the resync
/// timer); runs in between keep what it found, except for tasks they re-applied. Tells which tasks are newly
/// drifted, so each gets one log line, not one per run.
/// </summary>
internal sealed class DriftMemory
{
    private readonly Lock _gate = new();
    private Dictionary<TaskIdentity, IReadOnlyList<string>> _drifted = [];

    public int Count
    {
        get { lock (_gate) { return _drifted.Count; } }
    }

    public IReadOnlyList<string>? Fields(TaskIdentity identity)
    {
        lock (_gate)
        {
            return _drifted.GetValueOrDefault(identity);
        }
    }

    /// <summary>Takes the run in; returns the tasks that drifted since the last refresh, with their fields.</summary>
    public IReadOnlyList<(TaskIdentity Task, IReadOnlyList<string> Fields)> Update(ReconcileRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not { } plan)
        {
            return [];
        }

        lock (_gate)
        {
            var applied = run.Report?.Results.Where(r => r.Outcome == ApplyOutcome.Applied).Select(r => r.Entry.Identity!).ToHashSet() ?? [];
            if (!plan.Entries.Any(e => e.Refreshed))
            {
                foreach (var task in applied)
                {
                    _drifted.Remove(task);
                }

                return [];
            }

            var now = plan.Entries
                .Where(e => e.Reason == UpdateReason.Drift && !applied.Contains(e.Identity!))
                .ToDictionary(e => e.Identity!, e => (IReadOnlyList<string>)e.Changes.Select(c => Planner.Display(c.Path)).ToList());
            var fresh = plan.Entries
                .Where(e => e.Reason == UpdateReason.Drift && !_drifted.ContainsKey(e.Identity!))
                .Select(e => (e.Identity!, (IReadOnlyList<string>)e.Changes.Select(c => Planner.Display(c.Path)).ToList()))
                .ToList();
            _drifted = now;
            return fresh;
        }
    }
}

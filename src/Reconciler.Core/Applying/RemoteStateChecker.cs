using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Before applying, asks the platform whether each task about to be PUT is running, so the plan can say
/// "blocked: running" (or "will stop") up front instead of discovering 6007 one request at a time.
/// </summary>
public static class RemoteStateChecker
{
    public static async Task<Plan> CheckAsync(Plan plan, ITaskApi api, int parallelism, CancellationToken cancellationToken)
    {
        var toCheck = plan.Entries.Where(e => e.Action.SendsPut()).ToList();
        var states = new System.Collections.Concurrent.ConcurrentDictionary<PlanEntry, RemoteTaskState?>();
        await Parallel.ForEachAsync(
            toCheck,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (entry, token) => states[entry] = await api.GetTaskStateAsync(entry.Identity!, entry.Desired?.SubUserId, token));
        return plan with
        {
            Entries = plan.Entries.Select(e => states.TryGetValue(e, out var state) && state is not null ? e with { Remote = state } : e).ToList(),
        };
    }
}

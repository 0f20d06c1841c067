using System.Collections.Concurrent;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Before applying, asks the platform whether each task about to be PUT is running, so the plan says
/// "blocked: running" (or "will stop") up front instead of discovering 6007 one request at a time.
/// A task whose state could not be read is sent as planned (the platform's answer then decides).
/// </summary>
public static class RemoteStateChecker
{
    public static async Task<Plan> CheckAsync(Plan plan, ITaskApi api, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(api);
        // A task whose state was read already (refresh) is not asked again.
        var toCheck = plan.ToSend.Where(e => e.Remote is null).ToList();
        var states = new ConcurrentDictionary<PlanEntry, RemoteTaskState?>();
        await Parallel.ForEachAsync(
            toCheck,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (entry, token) => states[entry] = await api.GetTaskStateAsync(entry.Identity!, entry.Desired?.SubUserId, token));
        return plan with { Entries = plan.Entries.Select(e => states.TryGetValue(e, out var state) && state is not null ? WithRemote(e, state) : e).ToList() };
    }

    /// <summary>The entry with its live state; a running task that may not be stopped is deferred (blocked).</summary>
    internal static PlanEntry WithRemote(PlanEntry entry, RemoteTaskState state) =>
        state.Running && entry.Desired is { StopBeforeUpdate: false }
            ? entry with { Remote = state, Deferral = new Deferral(DeferralKind.Running, "the task is running: the platform refuses updates (6007) until it is stopped", ApiCode: 6007) }
            : entry with { Remote = state };
}

using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Before applying, asks the platform whether each task about to be PUT is running, so the plan says
/// "blocked: running" (or "will stop") up front instead of discovering 6007 one request at a time. A task held back
/// this way carries what the detail read, never an API code: no PUT was sent, so the platform answered no 6007.
/// A task whose state could not be read is sent as planned (the platform's answer then decides), unless the read
/// timed out: a task that does not answer in time is skipped for this pass (<see cref="DeferralKind.SlowAnswer"/>).
/// </summary>
internal static class RemoteStateChecker
{
    /// <param name="budget">How long all the reads may take together (null: no bound beyond each read's own timeout).</param>
    public static async Task<Plan> CheckAsync(Plan plan, ITaskReader api, int parallelism, CancellationToken cancellationToken, TimeSpan? budget = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(api);
        // A task whose state was read already (refresh) is not asked again.
        var toCheck = plan.ToSend.Where(e => e.Remote is null).ToList();
        var reads = await DetailReads.ReadAsync(toCheck, api, parallelism, budget, time ?? TimeProvider.System, cancellationToken);
        return plan with { Entries = plan.Entries.Select(e => reads.TryGetValue(e, out var read) ? Checked(e, read) : e).ToList() };
    }

    private static PlanEntry Checked(PlanEntry entry, RemoteTaskRead read) =>
        read.State is { } state ? WithRemote(entry, state)
        : read.TimedOut ? entry with { Deferral = DetailReads.SlowAnswer(read) }
        : entry;

    /// <summary>The entry with its live state; a running task that may not be stopped is deferred (blocked).</summary>
    internal static PlanEntry WithRemote(PlanEntry entry, RemoteTaskState state) =>
        state.Running && entry.Desired is { StopBeforeUpdate: false }
            ? entry with { Remote = state, Deferral = new Deferral(DeferralKind.Running, $"{state.Reading}: a running 2.0 task must be paused before an update (the document's code 6007), so it is not sent") }
            : entry with { Remote = state };
}

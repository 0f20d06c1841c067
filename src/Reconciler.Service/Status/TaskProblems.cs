namespace Reconciler.Service.Status;

/// <summary>
/// Which tasks need a person, and in what order the status page, <c>reconciler status</c> and
/// <c>/status?order=problems</c> list them: blocked first, then failures, invalid manifests, answers lost (in
/// doubt), drift, tasks left stopped, retries and windows waiting, and last the tasks that are fine.
/// </summary>
public static class TaskProblems
{
    /// <summary>States that need nobody's attention (unless a flag such as in doubt or left stopped says otherwise).</summary>
    private static readonly HashSet<string> Fine = new(StringComparer.Ordinal) { "in_sync", "applied", "suspended", "unmanaged" };

    public static bool IsProblem(TaskStatusView task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return !Fine.Contains(task.State) || task.InDoubt || task.LeftStopped;
    }

    /// <summary>Lower comes first. States this version does not know (drift, added later) rank with drift.</summary>
    public static int Rank(TaskStatusView task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.State switch
        {
            "blocked" => 0,
            "failed" or "rejected" or "unauthorized" => 1,
            "invalid" => 2,
            _ when task.InDoubt => 3,
            "drifted" => 4,
            _ when task.LeftStopped => 5,
            "held_back" => 6,
            "cancelled" or "pending" => 7,
            "pending_window" => 8,
            "applied" => 9,
            "in_sync" => 10,
            "unmanaged" => 11,
            "suspended" => 12,
            _ => 4,
        };
    }

    /// <summary>Problems first (by <see cref="Rank"/>), then by file and name; stable for equal keys.</summary>
    public static IReadOnlyList<TaskStatusView> Order(IEnumerable<TaskStatusView> tasks) =>
        tasks.OrderBy(Rank).ThenBy(t => t.File, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>A task left stopped stays flagged on later runs (nobody told us it was started again) until it is next sent.</summary>
    public static IReadOnlyList<TaskStatusView> CarryLeftStopped(IReadOnlyList<TaskStatusView> previous, IReadOnlyList<TaskStatusView> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var stopped = previous.Where(t => t.LeftStopped && t.TaskId is not null).Select(t => (t.UserId, t.TaskId)).ToHashSet();
        if (stopped.Count == 0)
        {
            return current;
        }

        return current.Select(t => !t.LeftStopped && t.State is "in_sync" or "held_back" or "pending_window" or "suspended" && stopped.Contains((t.UserId, t.TaskId))
            ? t with { LeftStopped = true }
            : t).ToList();
    }
}

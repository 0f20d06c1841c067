using Reconciler.Core.Tasks;

namespace Reconciler.Service.Status;

/// <summary>
/// Which tasks need a person, and in what order the status page, <c>reconciler status</c> and
/// <c>/status?order=problems</c> list them: by the state's rank in the one word table (<see cref="TaskStateWords"/>),
/// with three flags that raise a task: its answer was lost (in doubt, right after invalid manifests), it drifted on
/// the platform (with drift), and it was left stopped (right after drift). The status page applies the same rule.
/// </summary>
public static class TaskProblems
{
    private const int InDoubtRank = 3;
    private const int DriftedRank = 4;
    private const int LeftStoppedRank = 5;

    public static bool IsProblem(TaskStanding task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.State.NeedsAttention() || task.InDoubt || task.Drifted || task.LeftStopped;
    }

    /// <summary>Lower comes first.</summary>
    public static int Rank(TaskStanding task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var rank = task.State.Rank();
        rank = task.InDoubt ? Math.Min(rank, InDoubtRank) : rank;
        rank = task.Drifted ? Math.Min(rank, DriftedRank) : rank;
        return task.LeftStopped ? Math.Min(rank, LeftStoppedRank) : rank;
    }

    /// <summary>Problems first (by <see cref="Rank"/>), then by file and name; stable for equal keys.</summary>
    public static IReadOnlyList<TaskStanding> Order(IEnumerable<TaskStanding> tasks) =>
        tasks.OrderBy(Rank).ThenBy(t => t.File, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>A task left stopped stays flagged on later runs (nobody told us it was started again) until it is next sent.</summary>
    public static IReadOnlyList<TaskStanding> CarryLeftStopped(IReadOnlyList<TaskStanding> previous, IReadOnlyList<TaskStanding> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var stopped = previous.Where(t => t.LeftStopped && t.TaskId is not null).Select(t => (t.UserId, t.TaskId)).ToHashSet();
        if (stopped.Count == 0)
        {
            return current;
        }

        return current.Select(t => !t.LeftStopped && t.State is TaskState.InSync or TaskState.HeldBack or TaskState.PendingWindow or TaskState.Suspended && stopped.Contains((t.UserId, t.TaskId))
            ? t with { LeftStopped = true }
            : t).ToList();
    }
}

using Reconciler.Core.Tasks;
using Reconciler.Service.Status;

namespace Reconciler.Service.Notifications;

/// <summary>
/// Compares the per-task lines of consecutive runs and yields one event per task whose problem is new (blocked,
/// failed, in doubt, left stopped) or gone (recovered). States that bring no news about the platform (held back,
/// waiting for a window, invalid, cancelled) keep the last known problem, so a task waiting for its retry is not
/// reported again, and its later success is reported as a recovery. The first run after a start has no previous
/// run: its problems are all new. Not thread-safe: the runner reports one run at a time.
/// </summary>
public sealed class TaskEventDetector
{
    private Dictionary<(string?, string?), TaskEventKind> _problems = [];

    public IReadOnlyList<TaskEvent> Next(IReadOnlyList<TaskStanding> tasks, string repository, string? revision, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var events = new List<TaskEvent>();
        var problems = new Dictionary<(string?, string?), TaskEventKind>();
        foreach (var task in tasks.Where(t => t.TaskId is not null))
        {
            var key = (task.UserId, task.TaskId);
            var before = _problems.TryGetValue(key, out var known) ? known : (TaskEventKind?)null;
            var now = Classify(task, before);
            if (now is { } problem)
            {
                problems[key] = problem;
                if (problem != before)
                {
                    events.Add(new TaskEvent(problem, before, task, repository, revision, at));
                }
            }
            else if (before is not null and not TaskEventKind.LeftStopped)
            {
                // A task left stopped that is sent again is still stopped as far as we know: no "recovered" for it.
                events.Add(new TaskEvent(TaskEventKind.Recovered, before, task, repository, revision, at));
            }
        }

        // Tasks gone from the plan (manifest deleted) are forgotten without a message.
        _problems = problems;
        return events;
    }

    /// <summary>The task's problem after this run: null when fine; <paramref name="before"/> when this run brought no news.</summary>
    private static TaskEventKind? Classify(TaskStanding task, TaskEventKind? before) => task.State switch
    {
        TaskState.Blocked => TaskEventKind.Blocked,
        TaskState.PolicyBlocked => TaskEventKind.PolicyBlocked,
        TaskState.Failed or TaskState.Rejected or TaskState.Unauthorized => TaskEventKind.Failed,
        TaskState.Applied => task.LeftStopped ? TaskEventKind.LeftStopped : task.UnverifiedFields is not null ? TaskEventKind.Unverified : null,

        // In sync with its record is no news about a platform that read back otherwise: only a new apply that reads back as sent is.
        TaskState.InSync => task.LeftStopped ? TaskEventKind.LeftStopped : before == TaskEventKind.Unverified ? before : null,
        TaskState.Suspended or TaskState.Unmanaged => null,
        _ when task.InDoubt && before is null => TaskEventKind.InDoubt,
        _ => before,
    };
}

using Reconciler.Core.Tasks;

namespace Reconciler.Service.Notifications;

/// <summary>One notification: a task's new problem (or its recovery), with what the status page shows about it.</summary>
/// <param name="Previous">The problem it had before (for <see cref="TaskEventKind.Recovered"/>, the one it recovered from).</param>
public sealed record TaskEvent(
    TaskEventKind Kind,
    TaskEventKind? Previous,
    TaskStanding Task,
    string Repository,
    string? Revision,
    DateTimeOffset At)
{
    /// <summary>A staged rollout halted: one event (not one per task), its task line named <c>staged rollout</c> with the numbers as its message.</summary>
    public static TaskEvent RolloutHalted(Core.State.RevisionHold hold, string repository, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var line = new TaskStanding(null, null, "staged rollout", null, Core.Planning.PlanAction.Update, TaskState.Pending, null, hold.Halt?.ToString(), 0, null, null, []);
        return new TaskEvent(TaskEventKind.RolloutHalted, null, line, repository, hold.Revision, at);
    }
}

using Reconciler.Core.Planning;
using Reconciler.Core.Tasks;

namespace Reconciler.Service.Status;

/// <summary>One task in <c>/status</c> (part of the <see cref="StatusSnapshot"/> contract).</summary>
/// <param name="Action">The plan action of the last run (its word: update, adopt, unchanged, unmanage, invalid, suspended).</param>
/// <param name="State">Where the task stands (its word from <see cref="TaskStateWords"/>: <c>in_sync</c>, <c>rejected</c>, <c>held_back</c>…).</param>
/// <param name="RetryAt">When the task is next tried: set for held back (and blocked, failed, unauthorized); null for rejected (only a manifest change retries it).</param>
public sealed record TaskStatusView(
    string? UserId,
    string? TaskId,
    string? Name,
    string? File,
    PlanAction Action,
    TaskState State,
    int? ApiCode,
    string? Message,
    int Failures,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? RetryAt,
    IReadOnlyList<string> Errors)
{
    /// <summary>The task's last attempt got no definitive answer: this run re-sent it (or will).</summary>
    public bool InDoubt { get; init; }

    /// <summary>Fields that differed on the platform when the live task was last read (null: not drifted, or not read).</summary>
    public IReadOnlyList<string>? DriftFields { get; init; }

    /// <summary>The live task differed from the manifest when it was last read.</summary>
    public bool Drifted => DriftFields is not null;

    /// <summary>
    /// This service stopped the running task (task_stop, as <c>stop_before_update</c> allows) before its last update,
    /// and the API has no resume endpoint: someone must start it again. Kept until the task is next sent.
    /// </summary>
    public bool LeftStopped { get; init; }

    public static TaskStatusView From(TaskStanding task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskStatusView(
            task.Identity?.UserId, task.Identity?.TaskId, task.Name, task.File, task.Action, task.State, task.ApiCode, task.Message, task.Failures, task.LastAttemptAt, task.RetryAt, task.Errors)
        {
            InDoubt = task.InDoubt,
            DriftFields = task.DriftFields,
            LeftStopped = task.LeftStopped,
        };
    }
}

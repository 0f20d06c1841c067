using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// The platform's task endpoints that only read: what planning needs (refresh, the running check, import's listing).
/// A plan-only entry point (<see cref="Reconciling.PlanningEngine"/>, <c>plan --refresh</c>, a follower's view) holds
/// this port and so cannot send an update by mistake; <see cref="ITaskApi"/> adds the writes. Implementations never
/// throw for API answers; only cancellation escapes.
/// </summary>
public interface ITaskReader
{
    /// <summary>
    /// <c>GET /agent-api/new/user/{user_id}/task/{task_id}/edit</c>: whether the task is running.
    /// Null when it could not be read (the caller then proceeds without knowing).
    /// </summary>
    Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken);

    /// <summary>
    /// The same detail read in full, for refresh (drift) and import: the run state, the answer's <c>data</c>, or
    /// why it could not be read. Never throws for API answers; only cancellation escapes.
    /// </summary>
    Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /agent-api/new/user/{user_id}/task?page&amp;per_page</c> (or <c>…/subset_task</c>, all sub-accounts): every
    /// task of the list, page after page until the platform says it is done or <see cref="TaskListQuery.MaxPages"/>.
    /// </summary>
    Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken);
}

using Reconciler.Core.Manifests;

namespace Reconciler.Core.Applying;

/// <summary>
/// The platform's task endpoints as the applier needs them: the reads of <see cref="ITaskReader"/> and the two writes
/// (the update and the stop). Implementations never throw for API answers: every call ends in one
/// <see cref="TaskApiResult"/>; only cancellation escapes.
/// </summary>
public interface ITaskApi : ITaskReader
{
    /// <summary>The default of <see cref="UpdateDeadline"/> for an API that does not say (test fakes).</summary>
    public static readonly TimeSpan DefaultUpdateDeadline = TimeSpan.FromSeconds(75);

    /// <summary>
    /// How long after it is begun an update may still land on the platform: the engine records <c>now + UpdateDeadline</c>
    /// with the update's intent as its deadline and gives the call what is left of it, which the implementation must keep
    /// (no request of the call may land after it).
    /// </summary>
    TimeSpan UpdateDeadline => DefaultUpdateDeadline;

    /// <summary>
    /// <c>PUT /agent-api/new/user/{user_id}/task/{task_id}</c> with the canonical body as UTF-8 (<see cref="Normalization.CanonicalBody.Utf8Memory"/>),
    /// sent byte for byte without being decoded to text on the way, abandoned
    /// <paramref name="within"/> from now; nothing of it lands on the platform after that. (A span, not an instant, so
    /// the engine's clock and the client's never have to agree.)
    /// </summary>
    Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken);

    /// <summary>The update within <see cref="UpdateDeadline"/> (callers that record no intent: tools, tests).</summary>
    Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, CancellationToken cancellationToken) =>
        UpdateTaskAsync(identity, utf8Body, UpdateDeadline, cancellationToken);

    /// <summary><c>PUT /agent-api/new/user/{user_id}/task_stop/{task_id}</c> (with <c>sub_user_id</c> when given); success is <see cref="State.ApplyOutcome.Stopped"/>.</summary>
    Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken);
}

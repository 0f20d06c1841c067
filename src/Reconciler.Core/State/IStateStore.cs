using Reconciler.Core.Manifests;

namespace Reconciler.Core.State;

/// <summary>
/// Where the reconciler remembers what it applied (the inventory), every attempt (history) and every
/// run. Each write is its own transaction, so a crash between two tasks loses nothing that succeeded.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the record of one task, in its own transaction.</summary>
    Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken);

    /// <summary>Forgets a task (plan action <c>unmanage</c>). The remote task is never touched.</summary>
    Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken);

    Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The newest attempts first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken);

    Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>The newest runs first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the exclusive apply lock of this store, or throws <see cref="StateLockedException"/> at
    /// once when another apply holds it. The lock dies with its process, so a crash never leaves it held.
    /// </summary>
    Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken);
}

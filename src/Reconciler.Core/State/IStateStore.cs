using Reconciler.Core.Manifests;

namespace Reconciler.Core.State;

/// <summary>
/// Where the reconciler remembers what it applied (the inventory), what it is about to send (intents),
/// every attempt (history) and every run. Each write is its own transaction, durable before it returns,
/// so a crash between two tasks loses nothing that succeeded and leaves every unanswered request in doubt.
/// Every failure to read or write is a <see cref="StateStoreException"/>.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The inventory with each record passed through <paramref name="share"/> as it is read (the planning engine's body
    /// sharing: a record equal to its manifest takes the manifest's body), so a store that reads row by row never holds
    /// the records' own copies of unchanged bodies all at once. By default: loaded whole, then shared.
    /// </summary>
    async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(Func<AppliedRecord, AppliedRecord> share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return (await LoadAppliedAsync(cancellationToken)).Values.Select(share).ToDictionary(r => r.Identity);
    }

    /// <summary>
    /// Tasks in doubt: the newest update intent after the task's last applied one that got no definitive answer
    /// (unsettled: the process died, the answer was lost, the request was abandoned). The next plan re-sends them.
    /// </summary>
    Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Update requests that may still land on the platform at <paramref name="now"/> (<see cref="OpenRequest"/>), whoever
    /// sent them: this process, an apply that was killed, a leader that lost its term. Oldest first.
    /// </summary>
    Task<IReadOnlyList<OpenRequest>> LoadOpenRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a request before it is sent (write-ahead), in its own transaction; returns it with its id (and its <see cref="TaskIntent.Deadline"/>).</summary>
    Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken);

    /// <summary>
    /// Records how an intent's request ended, in one transaction: the attempt row, the intent settled when the
    /// answer is <paramref name="definitive"/> (with the <see cref="TaskIntent.Deadline"/> it still has: null when nothing
    /// of it can land any more), and (for a confirmed update) the task's last-applied record.
    /// </summary>
    Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the record of one task, in its own transaction (tracking without sending, tests).</summary>
    Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken);

    /// <summary>Forgets a task (plan action <c>unmanage</c>). The remote task is never touched.</summary>
    Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken);

    /// <summary>Appends an attempt that sent nothing (blocked before sending, not started): no intent behind it.</summary>
    Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The newest attempts first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The newest attempts of one task first, at most <paramref name="limit"/>.</summary>
    async Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(TaskIdentity identity, int limit, CancellationToken cancellationToken) =>
        (await ReadAttemptsAsync(100_000, cancellationToken)).Where(a => a.Identity == identity).Take(limit).ToList();

    Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>The newest runs first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The store's id and serial (<see cref="StateVersion"/>): what a saved plan checks before it is applied.</summary>
    Task<StateVersion> ReadVersionAsync(CancellationToken cancellationToken);

    /// <summary>The task API endpoint (normalised base URL) this store's records describe; null until an apply binds it.</summary>
    Task<string?> ReadEndpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Binds the store to <paramref name="endpoint"/>. With <paramref name="forgetRecords"/> (a re-bind to another
    /// endpoint) it also forgets every last-applied record and closes every open intent, in the same transaction:
    /// they describe the other endpoint. The history is kept.
    /// </summary>
    Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken);

    /// <summary>
    /// For a store that holds no record: binds it to <paramref name="endpoint"/> with its first recorded answer instead
    /// of now — the binding is written in the same transaction as the next last-applied record, unless the store is bound
    /// by then — so a run that reached nothing (the platform down, a wrong token, a wrong URL) binds nothing. A binding
    /// to another endpoint is removed at once (its open intents closed, the history kept): with no record it describes nothing.
    /// </summary>
    Task BindWithFirstRecordAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the exclusive apply lock of this store, or throws <see cref="StateLockedException"/> at
    /// once when another apply holds it. The lock dies with its process, so a crash never leaves it held.
    /// </summary>
    Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken);
}

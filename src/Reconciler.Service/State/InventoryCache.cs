using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Service.State;

/// <summary>
/// The inventory (every task's last-applied record) kept in memory between passes, so a pass with nothing to change
/// does not read 100,000 records with their bodies from the store. Every other call goes to the store as it is.
/// <para>
/// Why it can be trusted: the service plans and writes only while it holds the store's apply lock (SQLite: for the
/// process's lifetime; PostgreSQL: for its leadership term), and every other writer (<c>apply</c>, <c>import</c>,
/// <c>state forget</c>, <c>state migrate</c>) takes that lock first; this process's own writes go through here and
/// update the copy. The runner still drops it (<see cref="Invalidate"/>) whenever that may not hold: at start, when a
/// leadership term begins, and on every resync of a shared (PostgreSQL) store; a write that failed drops it too (the
/// transaction may have committed or not). Our choice, for correctness first: a reload costs one pass its inventory read.
/// </para>
/// </summary>
/// <param name="onLoad">Called after each read of the whole inventory from the store (the metric).</param>
public sealed class InventoryCache(IStateStore store, Action? onLoad = null) : IStateStore
{
    private readonly Lock _gate = new();
    private Dictionary<TaskIdentity, AppliedRecord>? _records;
    private bool _handedOut;
    private long _epoch;
    private int _loads;

    /// <summary>Times the inventory was read from the store (at most once a pass; not at all while the copy is valid).</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Forgets the copy: the next plan reads the inventory from the store again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _records = null;
            _epoch++;
        }
    }

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        LoadAsync(share: null, cancellationToken);

    /// <summary>
    /// Shares bodies as the store does (<c>BodySharing</c>), but only when the inventory is read from the store: the copy
    /// kept then holds the manifests' body objects, and a later pass whose files came from the evaluation cache has the
    /// same objects, so nothing is shared again (the copy is never rewritten under a plan that holds it).
    /// </summary>
    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(Func<AppliedRecord, AppliedRecord> share, CancellationToken cancellationToken) =>
        LoadAsync(share, cancellationToken);

    private async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAsync(Func<AppliedRecord, AppliedRecord>? share, CancellationToken cancellationToken)
    {
        long epoch;
        lock (_gate)
        {
            if (_records is { } records)
            {
                // Handed to a plan: a later write copies it first, so what a plan read never changes under it.
                _handedOut = true;
                return records;
            }

            epoch = _epoch;
        }

        var loaded = share is null ? await store.LoadAppliedAsync(cancellationToken) : await store.LoadAppliedAsync(share, cancellationToken);
        Interlocked.Increment(ref _loads);
        onLoad?.Invoke();
        lock (_gate)
        {
            // Dropped (or written) while it was being read: hand this one out, keep nothing.
            if (_epoch == epoch)
            {
                _records = new Dictionary<TaskIdentity, AppliedRecord>(loaded);
                _handedOut = true;
                return _records;
            }
        }

        return loaded;
    }

    public async Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        if (applied is null)
        {
            await store.SettleIntentAsync(intent, attempt, definitive, applied, cancellationToken);
            return;
        }

        await WriteAsync(() => store.SettleIntentAsync(intent, attempt, definitive, applied, cancellationToken), records => records[applied.Identity] = applied);
    }

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(() => store.RecordAppliedAsync(record, cancellationToken), records => records[record.Identity] = record);
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return WriteAsync(() => store.ForgetAsync(identity, cancellationToken), records => records.Remove(identity));
    }

    public async Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken)
    {
        Invalidate();
        await store.BindEndpointAsync(endpoint, forgetRecords, cancellationToken);
        Invalidate();
    }

    public async Task BindWithFirstRecordAsync(string endpoint, CancellationToken cancellationToken)
    {
        Invalidate();
        await store.BindWithFirstRecordAsync(endpoint, cancellationToken);
        Invalidate();
    }

    /// <summary>A write of the inventory: applied to the copy once the store confirmed it; the copy is dropped if the store failed.</summary>
    private async Task WriteAsync(Func<Task> write, Action<Dictionary<TaskIdentity, AppliedRecord>> change)
    {
        try
        {
            await write();
        }
        catch
        {
            Invalidate();
            throw;
        }

        lock (_gate)
        {
            // A load in flight may or may not have seen this write: it keeps nothing.
            _epoch++;
            if (_records is null)
            {
                return;
            }

            if (_handedOut)
            {
                _records = new Dictionary<TaskIdentity, AppliedRecord>(_records);
                _handedOut = false;
            }

            change(_records);
        }
    }

    public Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken) => store.LoadInDoubtAsync(cancellationToken);

    public Task<IReadOnlyList<OpenRequest>> LoadOpenRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.LoadOpenRequestsAsync(now, cancellationToken);

    public Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken) => store.RecordIntentAsync(intent, cancellationToken);

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken) => store.AppendAttemptAsync(attempt, cancellationToken);

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken) => store.ReadAttemptsAsync(limit, cancellationToken);

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(TaskIdentity identity, int limit, CancellationToken cancellationToken) => store.ReadAttemptsAsync(identity, limit, cancellationToken);

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => store.RecordRunAsync(run, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken) => store.ReadRunsAsync(limit, cancellationToken);

    public Task<StateVersion> ReadVersionAsync(CancellationToken cancellationToken) => store.ReadVersionAsync(cancellationToken);

    public Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) => store.ReadEndpointAsync(cancellationToken);

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken) => store.AcquireApplyLockAsync(cancellationToken);

    /// <summary>The store belongs to the service host, which disposes it; the copy holds nothing to release.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

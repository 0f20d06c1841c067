using System.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Benchmarks;

/// <summary>
/// Passes every call through and adds up the time spent in writes: each is its own fsynced transaction and
/// SQLite has one writer, so with many requests in flight the writes, not the API, can set the pace.
/// </summary>
internal sealed class TimedStateStore(IStateStore inner) : IStateStore
{
    private long _writeTicks;
    private long _intentTicks;
    private int _writes;

    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks));

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The part of <see cref="WriteTime"/> spent recording intents: a request waits for its intent before it is sent.</summary>
    public TimeSpan IntentTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _intentTicks));

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) => inner.LoadAppliedAsync(cancellationToken);

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(Func<AppliedRecord, AppliedRecord> share, CancellationToken cancellationToken) => inner.LoadAppliedAsync(share, cancellationToken);

    public Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken) => inner.LoadInDoubtAsync(cancellationToken);

    public async Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        TaskIntent? recorded = null;
        var started = Stopwatch.GetTimestamp();
        await TimeAsync(async () => recorded = await inner.RecordIntentAsync(intent, cancellationToken));
        Interlocked.Add(ref _intentTicks, Stopwatch.GetTimestamp() - started);
        return recorded!;
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.SettleIntentAsync(intent, attempt, definitive, applied, cancellationToken));

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken) => TimeAsync(() => inner.RecordAppliedAsync(record, cancellationToken));

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken) => TimeAsync(() => inner.ForgetAsync(identity, cancellationToken));

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken) => TimeAsync(() => inner.AppendAttemptAsync(attempt, cancellationToken));

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken) => inner.ReadAttemptsAsync(limit, cancellationToken);

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => TimeAsync(() => inner.RecordRunAsync(run, cancellationToken));

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken) => inner.ReadRunsAsync(limit, cancellationToken);

    public Task<IReadOnlyList<OpenRequest>> LoadOpenRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.LoadOpenRequestsAsync(now, cancellationToken);

    public Task<StateVersion> ReadVersionAsync(CancellationToken cancellationToken) => inner.ReadVersionAsync(cancellationToken);

    public Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) => inner.ReadEndpointAsync(cancellationToken);

    public Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.BindEndpointAsync(endpoint, forgetRecords, cancellationToken));

    public Task BindWithFirstRecordAsync(string endpoint, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.BindWithFirstRecordAsync(endpoint, cancellationToken));

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken) => inner.AcquireApplyLockAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task TimeAsync(Func<Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        await write();
        Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _writes);
    }
}

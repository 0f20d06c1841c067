using System.Data.Common;
using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;

namespace Reconciler.State.Sql;

/// <summary>
/// The state store's records, written once over ADO.NET for every database: the inventory (<c>tasks</c>), the
/// write-ahead <c>intents</c>, the append-only <c>attempts</c>, the <c>runs</c> and <c>store_info</c>. A database adds
/// its dialect (<see cref="SqlDialect"/>: how times and flags are stored), how a write commits (SQLite: group commit on
/// one writer; PostgreSQL: a transaction, on the leader's session when it leads) and its apply lock.
/// </summary>
public abstract partial class SqlStateStore : IStateStore, IRevisionHolds, IAcceptedBodies
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;
    private string? _firstRecordEndpoint;
    private int _disposed;

    private protected SqlStateStore(SqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
        Rows = new StoreRows(dialect);
    }

    private protected StoreRows Rows { get; }

    private protected SqlDialect Dialect => _dialect;

    private protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        (await Read("load the applied tasks", StoreStatements.LoadApplied, _ => { }, Rows.Applied, cancellationToken)).ToDictionary(r => r.Identity);

    /// <summary>Each row shared as it is read: the row's copy of an unchanged body is garbage at once, never held with the others.</summary>
    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(Func<AppliedRecord, AppliedRecord> share, CancellationToken cancellationToken) =>
        (await Read("load the applied tasks", StoreStatements.LoadApplied, _ => { }, row => share(Rows.Applied(row)), cancellationToken)).ToDictionary(r => r.Identity);

    public async Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken)
    {
        var inDoubt = new Dictionary<TaskIdentity, TaskIntent>();
        foreach (var intent in await Read("load the tasks in doubt", StoreStatements.LoadInDoubt, _ => { }, Rows.Intent, cancellationToken))
        {
            inDoubt[intent.Identity] = intent;
        }

        return inDoubt;
    }

    public Task<IReadOnlyList<OpenRequest>> LoadOpenRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Read("load the requests that may still land", StoreStatements.LoadOpenRequests, p => p.Time("now", now), Rows.OpenRequest, cancellationToken);

    public async Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var id = await InsertIntentAsync($"record the intent to {intent.Operation} task {intent.Identity}", intent, cancellationToken);
        return intent with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(attempt);
        (string Sql, Action<StoreParameters> Bind)? record = applied is null ? null : AppliedStatement(applied);
        var sql = StoreStatements.InsertAttempt + (definitive ? StoreStatements.SettleIntent : "") + record?.Sql;
        return Write($"record how the {intent.Operation} of task {intent.Identity} ended", sql, p =>
        {
            StoreStatements.BindAttempt(p, attempt, intent.Id);
            if (definitive)
            {
                p.Time("deadline_at", intent.Deadline);
            }

            record?.Bind(p);
        }, cancellationToken);
    }

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (sql, bind) = AppliedStatement(record);
        return Write($"record task {record.Identity} as applied", sql, bind, cancellationToken);
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Write($"forget task {identity}", StoreStatements.Forget, p => StoreStatements.BindIdentity(p, identity), cancellationToken);
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Write($"record an attempt for task {attempt.Identity}", StoreStatements.InsertAttempt, p => StoreStatements.BindAttempt(p, attempt, null), cancellationToken);
    }

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the attempt history", StoreStatements.ReadAttempts, p => p.Integer("limit", limit), Rows.Attempt, cancellationToken);
    }

    /// <summary>The newest attempts of one task first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(TaskIdentity identity, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read($"read the attempt history of task {identity}", StoreStatements.ReadTaskAttempts, p =>
        {
            StoreStatements.BindIdentity(p, identity);
            p.Integer("limit", limit);
        }, Rows.Attempt, cancellationToken);
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Write("record a run", StoreStatements.InsertRun, p => StoreStatements.BindRun(p, run), cancellationToken);
    }

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the runs", StoreStatements.ReadRuns, p => p.Integer("limit", limit), Rows.Run, cancellationToken);
    }

    public async Task<StateVersion> ReadVersionAsync(CancellationToken cancellationToken) =>
        (await Read(
            "read its version",
            $"SELECT (SELECT value FROM store_info WHERE key = 'store_id'), ({_dialect.SerialQuery});",
            _ => { },
            r => new StateVersion(r.GetString(0), r.GetInt64(1)),
            cancellationToken)).Single();

    public async Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) =>
        (await Read("read the endpoint it is bound to", StoreStatements.ReadInfo, p => p.Text("key", "endpoint"), r => r.GetString(0), cancellationToken)).SingleOrDefault();

    public Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        return Write(
            $"bind it to {endpoint}",
            StoreStatements.WriteInfo + (forgetRecords ? StoreStatements.ForgetForRebind : ""),
            p => p.Text("key", "endpoint").Text("value", endpoint).Time("at", _time.GetUtcNow()),
            cancellationToken);
    }

    public async Task BindWithFirstRecordAsync(string endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (await ReadEndpointAsync(cancellationToken) is { } bound && bound != endpoint)
        {
            await Write($"unbind it from {bound}", StoreStatements.Unbind, p => p.Time("at", _time.GetUtcNow()), cancellationToken);
        }

        Volatile.Write(ref _firstRecordEndpoint, endpoint);
    }

    public async Task<string?> ReadAcceptedBodyAsync(string bodyHash, CancellationToken cancellationToken) =>
        (await Read("read an accepted body", "SELECT body FROM accepted_bodies WHERE body_hash = @hash;", p => p.Text("hash", bodyHash), r => r.GetString(0), cancellationToken)).SingleOrDefault();

    public abstract Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeCoreAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Every record, read in one snapshot on <paramref name="connection"/> inside <paramref name="transaction"/>.</summary>
    private protected async Task<StateExport> ExportAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<T>> All<T>(string sql, Func<DbDataReader, T> map) =>
            StoreCommands.ReadAsync(connection, transaction, _dialect, sql, _ => { }, map, cancellationToken);

        var tasks = await All(StoreStatements.LoadApplied, Rows.Applied);
        var intents = await All(StoreStatements.ExportIntents, Rows.ExportedIntent);
        var attempts = await All(StoreStatements.ExportAttempts, Rows.ExportedAttempt);
        var runs = await All(StoreStatements.ExportRuns, Rows.ExportedRun);
        var bodies = await All(StoreStatements.ExportAcceptedBodies, r => new ExportedBody(r.GetString(0), r.GetString(1)));
        var holds = await All(StoreStatements.ExportHolds, ExportedHoldRow);
        var info = await All(StoreStatements.ExportInfo, r => (Key: r.GetString(0), Value: r.GetString(1)));
        return new StateExport(tasks, intents, attempts, runs, bodies, holds, info.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));
    }

    /// <summary>A last-applied record's statement, with the binding it brings while the store waits for its first record.</summary>
    private (string Sql, Action<StoreParameters> Bind) AppliedStatement(AppliedRecord record)
    {
        var endpoint = Volatile.Read(ref _firstRecordEndpoint);
        return endpoint is null
            ? (StoreStatements.UpsertApplied, p => StoreStatements.BindApplied(p, record))
            : (StoreStatements.UpsertApplied + StoreStatements.BindIfUnbound, p =>
            {
                StoreStatements.BindApplied(p, record);
                p.Text("endpoint", endpoint);
            });
    }

    /// <summary>Inserts the intent and returns its id; a store that fences its leader's writes adds the term check.</summary>
    private protected virtual Task<object?> InsertIntentAsync(string action, TaskIntent intent, CancellationToken cancellationToken) =>
        Write(action, StoreStatements.InsertIntent, p => StoreStatements.BindIntent(p, intent), cancellationToken);

    /// <summary>Runs the statements as one unit, durable before it returns; the first column of the first row (e.g. <c>RETURNING id</c>).</summary>
    private protected abstract Task<object?> WriteCoreAsync(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken);

    private protected abstract Task<IReadOnlyList<T>> ReadCoreAsync<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken);

    private protected abstract ValueTask DisposeCoreAsync();

    private protected Task<object?> Write(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return WriteCoreAsync(action, sql, bind, cancellationToken);
    }

    private protected Task<IReadOnlyList<T>> Read<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return ReadCoreAsync(action, sql, bind, map, cancellationToken);
    }
}

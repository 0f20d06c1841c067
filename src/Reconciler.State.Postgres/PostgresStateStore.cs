using System.Globalization;
using Npgsql;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State.Postgres.Migrations;

namespace Reconciler.State.Postgres;

/// <summary>
/// The shared state store: one PostgreSQL database (the first schema of its search path) holding what the SQLite
/// file holds — the inventory, write-ahead intents, attempt history, runs and store_info — for several replicas of
/// the service. Every write is its own transaction. The apply lock is an advisory lock on a dedicated session
/// (<see cref="PostgresLease"/>); while this store holds one, every write runs on that session and fails once it
/// is lost, so a replica that lost its leadership cannot record an intent, and so sends no further PUT. A store
/// that once held a lease never falls back to unfenced writes: after its lease ends it refuses every write until it
/// takes another. A store that never took one (tests, tools) writes on pooled connections, like the SQLite store.
/// </summary>
public sealed class PostgresStateStore : IStateStore
{
    private readonly PostgresConnectionSpec _spec;
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private PostgresLease? _fence;
    private int _disposed;

    private PostgresStateStore(PostgresConnectionSpec spec, PostgresDatabase database, TimeProvider time)
    {
        _spec = spec;
        _database = database;
        _time = time;
    }

    public static int SchemaVersion => PostgresMigrations.Latest;

    /// <summary>How the store is named in every message: the URL without a password.</summary>
    public string Display => _spec.Display;

    /// <summary>The lease this store writes through, if it took one (null: it never did).</summary>
    public PostgresLease? Lease => Volatile.Read(ref _fence);

    /// <summary>Connects and brings the schema to the newest version (creating it in an empty database).</summary>
    /// <exception cref="StateStoreException">The database cannot be reached, or the schema is newer or not a store.</exception>
    public static async Task<PostgresStateStore> OpenAsync(PostgresConnectionSpec spec, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        (await OpenCoreAsync(spec, time, migrate: true, cancellationToken))!;

    /// <summary>For plans: the store when its schema exists (migrated if older), else null; never creates one.</summary>
    public static Task<PostgresStateStore?> OpenIfExistsAsync(PostgresConnectionSpec spec, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(spec, time, migrate: false, cancellationToken);

    private static async Task<PostgresStateStore?> OpenCoreAsync(PostgresConnectionSpec spec, TimeProvider? time, bool migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var database = new PostgresDatabase(NpgsqlDataSource.Create(spec.Builder().ConnectionString), spec.Display, spec.Redactor);
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                if (!migrate && await PostgresMigrator.ReadVersionAsync(connection, null, cancellationToken) == 0)
                {
                    await database.DisposeAsync();
                    return null;
                }

                await PostgresMigrator.MigrateAsync(connection, spec.Display, cancellationToken);
            }

            return new PostgresStateStore(spec, database, time ?? TimeProvider.System);
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e))
        {
            await database.DisposeAsync();
            throw PostgresErrors.Wrap(spec.Display, "open", e, spec.Redactor);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        (await Read("load the applied tasks", PostgresStatements.LoadApplied, _ => { }, PostgresRows.Applied, cancellationToken)).ToDictionary(r => r.Identity);

    public async Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken)
    {
        var inDoubt = new Dictionary<TaskIdentity, TaskIntent>();
        foreach (var intent in await Read("load the tasks in doubt", PostgresStatements.LoadInDoubt, _ => { }, PostgresRows.Intent, cancellationToken))
        {
            inDoubt[intent.Identity] = intent;
        }

        return inDoubt;
    }

    public async Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var action = $"record the intent to {intent.Operation} task {intent.Identity}";
        var fence = Volatile.Read(ref _fence);
        var id = await Write(action, fence is null ? PostgresStatements.InsertIntent : PostgresStatements.InsertIntentFenced, p =>
        {
            PostgresStatements.BindIntent(p, intent);
            if (fence is not null)
            {
                p.AddWithValue("term", fence.Term);
            }
        }, fence, cancellationToken);
        if (id is null)
        {
            // The term check refused it: a newer leader exists. This lease is over; nothing more goes through it.
            fence!.Lose("a newer leader has taken over");
            throw new StateStoreException($"state store '{Display}': could not {action}: a newer leader has taken over (this process held term {fence.Term}); nothing more is sent");
        }

        return intent with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(attempt);
        var sql = PostgresStatements.InsertAttempt + (definitive ? PostgresStatements.SettleIntent : "") + (applied is null ? "" : PostgresStatements.UpsertApplied);
        return Write($"record how the {intent.Operation} of task {intent.Identity} ended", sql, p =>
        {
            PostgresStatements.BindAttempt(p, attempt, intent.Id);
            if (applied is not null)
            {
                PostgresStatements.BindApplied(p, applied);
            }
        }, cancellationToken);
    }

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Write($"record task {record.Identity} as applied", PostgresStatements.UpsertApplied, p => PostgresStatements.BindApplied(p, record), cancellationToken);
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Write($"forget task {identity}", PostgresStatements.Forget, p => PostgresStatements.BindIdentity(p, identity), cancellationToken);
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Write($"record an attempt for task {attempt.Identity}", PostgresStatements.InsertAttempt, p => PostgresStatements.BindAttempt(p, attempt, null), cancellationToken);
    }

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the attempt history", PostgresStatements.ReadAttempts, p => p.AddWithValue("limit", limit), PostgresRows.Attempt, cancellationToken);
    }

    /// <summary>The newest attempts of one task first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(TaskIdentity identity, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read($"read the attempt history of task {identity}", PostgresStatements.ReadTaskAttempts, p =>
        {
            PostgresStatements.BindIdentity(p, identity);
            p.AddWithValue("limit", limit);
        }, PostgresRows.Attempt, cancellationToken);
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Write("record a run", PostgresStatements.InsertRun, p => PostgresStatements.BindRun(p, run), cancellationToken);
    }

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the runs", PostgresStatements.ReadRuns, p => p.AddWithValue("limit", limit), PostgresRows.Run, cancellationToken);
    }

    public async Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) =>
        (await Read("read the endpoint it is bound to", PostgresStatements.ReadInfo, p => p.AddWithValue("key", "endpoint"), r => r.GetString(0), cancellationToken)).SingleOrDefault();

    public Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        return Write($"bind it to {endpoint}", PostgresStatements.WriteInfo + (forgetRecords ? PostgresStatements.ForgetForRebind : ""), p =>
        {
            p.AddWithValue("key", "endpoint");
            p.AddWithValue("value", endpoint);
            p.AddWithValue("at", PostgresText.Utc(_time.GetUtcNow()));
        }, cancellationToken);
    }

    /// <summary>Takes the apply lock at once (for an apply), or throws <see cref="StateLockedException"/> naming the leader.</summary>
    public async Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken)
    {
        var lease = await ClaimAsync(ReplicaIdentity.Current("apply"), null, cancellationToken);
        if (lease is not null)
        {
            return lease;
        }

        var leader = await ReadLeaderAsync(cancellationToken);
        var who = leader is { Held: true }
            ? $"{leader.Replica}, term {leader.Term}, since {leader.AcquiredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
            : "holder unknown";
        throw new StateLockedException($"state store '{Display}' is locked by another apply or the leading replica ({who})");
    }

    /// <summary>
    /// Takes the apply lock for <paramref name="who"/>, waiting up to <paramref name="wait"/> for the holder to let go
    /// (null: not at all). On success this store writes through the new lease from now on.
    /// </summary>
    /// <returns>The lease, or null when another session still holds the lock.</returns>
    public async Task<PostgresLease?> ClaimAsync(ReplicaIdentity who, TimeSpan? wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var lease = await PostgresLeaseClaims.ClaimAsync(_spec, _database, who, wait, _time, cancellationToken);
        if (lease is not null)
        {
            Volatile.Write(ref _fence, lease);
        }

        return lease;
    }

    /// <summary>The newest leadership and whether it is still held; null before anyone ever led.</summary>
    public async Task<LeaderRecord?> ReadLeaderAsync(CancellationToken cancellationToken) =>
        (await Read("read who leads", PostgresStatements.ReadLeader, _ => { }, PostgresRows.Leader, cancellationToken)).SingleOrDefault();

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _database.DisposeAsync() : ValueTask.CompletedTask;

    internal PostgresDatabase Database => _database;

    private Task<object?> Write(string action, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken) =>
        Write(action, sql, bind, Volatile.Read(ref _fence), cancellationToken);

    private Task<object?> Write(string action, string sql, Action<NpgsqlParameterCollection> bind, PostgresLease? fence, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return fence is null
            ? _database.WriteScalarAsync(action, sql, bind, cancellationToken)
            : fence.RunAsync(action, (connection, transaction, token) => PostgresDatabase.ScalarAsync(connection, transaction, sql, bind, token), cancellationToken);
    }

    private Task<IReadOnlyList<T>> Read<T>(string action, string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.ReadAsync(action, sql, bind, map, cancellationToken);
    }
}

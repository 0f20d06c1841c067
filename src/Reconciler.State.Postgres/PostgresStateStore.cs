using System.Globalization;
using System.Data.Common;
using Npgsql;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;
using Reconciler.State.Postgres.Migrations;
using Reconciler.State.Sql;

namespace Reconciler.State.Postgres;

/// <summary>
/// The shared state store: one PostgreSQL database (the first schema of its search path) holding the records of
/// <see cref="SqlStateStore"/>, as the SQLite file does, for several replicas of the service. Every write is its own transaction. The apply lock is an advisory lock on a dedicated session
/// (<see cref="PostgresLease"/>); while this store holds one, every write runs on that session and fails once it
/// is lost, so a replica that lost its leadership cannot record an intent, and so sends no further PUT. A store
/// that once held a lease never falls back to unfenced writes: after its lease ends it refuses every write until it
/// takes another. A store that never took one (tests, tools) writes on pooled connections, like the SQLite store.
/// </summary>
public sealed class PostgresStateStore : SqlStateStore
{
    private readonly PostgresConnectionSpec _spec;
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private PostgresLease? _fence;

    private PostgresStateStore(PostgresConnectionSpec spec, PostgresDatabase database, TimeProvider time)
        : base(PostgresDialect.Instance, time)
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

    /// <summary>Takes the apply lock at once (for an apply), or throws <see cref="StateLockedException"/> naming the leader.</summary>
    public override async Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken)
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
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var lease = await PostgresLeaseClaims.ClaimAsync(_spec, _database, who, wait, _time, cancellationToken);
        if (lease is not null)
        {
            Volatile.Write(ref _fence, lease);
        }

        return lease;
    }

    /// <summary>The newest leadership and whether it is still held; null before anyone ever led.</summary>
    public async Task<LeaderRecord?> ReadLeaderAsync(CancellationToken cancellationToken) =>
        (await Read("read who leads", PostgresStatements.ReadLeader, _ => { }, PostgresLeaderRows.Leader, cancellationToken)).SingleOrDefault();

    internal PostgresDatabase Database => _database;

    /// <summary>Every record, read in one repeatable-read snapshot (<c>reconciler state migrate</c>).</summary>
    internal Task<StateExport> ExportAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return _database.SnapshotAsync("read every record", (connection, transaction) => ExportAsync(connection, transaction, cancellationToken), cancellationToken);
    }

    /// <summary>Leading, an intent is written only while this lease's term is the newest (else a newer leader exists and nothing more is sent).</summary>
    private protected override async Task<object?> InsertIntentAsync(string action, TaskIntent intent, CancellationToken cancellationToken)
    {
        var fence = Volatile.Read(ref _fence);
        if (fence is null)
        {
            return await base.InsertIntentAsync(action, intent, cancellationToken);
        }

        var id = await Write(action, PostgresStatements.InsertIntentFenced, p => PostgresStatements.BindFencedIntent(p, intent, fence.Term), fence, cancellationToken);
        if (id is null)
        {
            // The term check refused it: a newer leader exists. This lease is over; nothing more goes through it.
            fence.Lose("a newer leader has taken over");
            throw new StateStoreException($"state store '{Display}': could not {action}: a newer leader has taken over (this process held term {fence.Term}); nothing more is sent");
        }

        return id;
    }

    private protected override ValueTask DisposeCoreAsync() => _database.DisposeAsync();

    private protected override Task<object?> WriteCoreAsync(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken) =>
        Write(action, sql, bind, Volatile.Read(ref _fence), cancellationToken);

    private protected override Task<IReadOnlyList<T>> ReadCoreAsync<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        _database.ReadAsync(action, sql, bind, map, cancellationToken);

    private Task<object?> Write(string action, string sql, Action<StoreParameters> bind, PostgresLease? fence, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return fence is null
            ? _database.WriteScalarAsync(action, sql, bind, cancellationToken)
            : fence.RunAsync(action, (connection, transaction, token) => PostgresDatabase.ScalarAsync(connection, transaction, sql, bind, token), cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State.Locking;
using Reconciler.State.Migrations;

namespace Reconciler.State;

/// <summary>
/// The embedded state store: one SQLite file holding the inventory (<c>tasks</c>), the write-ahead
/// <c>intents</c>, the append-only attempt history (<c>attempts</c>), the <c>runs</c> and what the store is
/// bound to (<c>store_info</c>), plus an OS lock file beside it for applies. Every write is its own transaction
/// and is fsynced before it returns (writes that arrive together share one commit: <see cref="StateWriteQueue"/>). The file is named by its real path (symbolic links resolved), and a file
/// deleted or replaced under the open store fails every later read and write instead of being written blind.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly StateDatabase _database;
    private readonly StateFileIdentity _identity;
    private readonly TimeProvider _timeProvider;
    private int _disposed;

    private SqliteStateStore(string path, string fullPath, StateFileIdentity identity, TimeProvider timeProvider)
    {
        Path = path;
        FullPath = fullPath;
        LockPath = fullPath + ".lock";
        _identity = identity;
        _database = new StateDatabase(path, new StateConnections(fullPath, create: false), identity.Problem, fullPath);
        _timeProvider = timeProvider;
    }

    /// <summary>The schema version this build reads and writes.</summary>
    public static int SchemaVersion => StateMigrations.Latest;

    /// <summary>The path as given to <see cref="OpenAsync"/>; used in every message, as the user typed it.</summary>
    public string Path { get; }

    /// <summary>The file's real path: every symbolic link and relative part resolved.</summary>
    public string FullPath { get; }

    /// <summary>The file whose OS lock is the apply lock: <c>&lt;real path&gt;.lock</c>, so every path to one store meets one lock.</summary>
    public string LockPath { get; }

    /// <summary>
    /// Opens (creating the file and its directories if missing) and migrates the store to the newest schema.
    /// </summary>
    /// <exception cref="StateStoreFormatException">The file is not SQLite, or not a reconciler store.</exception>
    /// <exception cref="StateStoreVersionException">The file was written by a newer reconciler.</exception>
    /// <exception cref="StateStoreException">The file could not be created or opened.</exception>
    public static async Task<SqliteStateStore> OpenAsync(
        string path,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(
                $"state store '{path}': could not create its directory: {exception.Message}", exception);
        }

        var fullPath = StateFilePath.Resolve(path);
        var connections = new StateConnections(fullPath);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);

            // Version first, before anything writes: a newer file is refused untouched, and reading
            // the header is also what reveals a file that is not SQLite at all.
            var version = await StateMigrator.ReadVersionAsync(connection, null, cancellationToken);
            StateMigrator.RefuseNewer(path, version, StateMigrations.All);
            await StateConnections.EnableWriteAheadLogAsync(connection, cancellationToken);
            await StateMigrator.MigrateAsync(connection, path, StateMigrations.All, cancellationToken);
            return new SqliteStateStore(path, fullPath, new StateFileIdentity(fullPath), timeProvider ?? TimeProvider.System);
        }
        catch (SqliteException exception)
        {
            throw StateErrors.Wrap(path, "open" + StateFileAccess.WritableHint(fullPath), exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"state store '{path}': could not open: {exception.Message}", exception);
        }
        finally
        {
            // The opening connection created the file; the store's own connections never create one.
            connections.ClearPool();
        }
    }

    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        (await Read("load the applied tasks", StateStatements.LoadApplied, _ => { }, StateRows.Applied, cancellationToken)).ToDictionary(r => r.Identity);

    public async Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken)
    {
        var inDoubt = new Dictionary<TaskIdentity, TaskIntent>();
        foreach (var intent in await Read("load the tasks in doubt", StateStatements.LoadInDoubt, _ => { }, StateRows.Intent, cancellationToken))
        {
            inDoubt[intent.Identity] = intent;
        }

        return inDoubt;
    }

    public async Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var id = await Write($"record the intent to {intent.Operation} task {intent.Identity}", StateStatements.InsertIntent, p => StateStatements.BindIntent(p, intent), cancellationToken);
        return intent with { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) };
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(attempt);
        var sql = StateStatements.InsertAttempt + (definitive ? StateStatements.SettleIntent : "") + (applied is null ? "" : StateStatements.UpsertApplied);
        return Write(
            $"record how the {intent.Operation} of task {intent.Identity} ended",
            sql,
            p =>
            {
                StateStatements.BindAttempt(p, attempt, intent.Id);
                if (applied is not null)
                {
                    StateStatements.BindApplied(p, applied);
                }
            },
            cancellationToken);
    }

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Write($"record task {record.Identity} as applied", StateStatements.UpsertApplied, p => StateStatements.BindApplied(p, record), cancellationToken);
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Write($"forget task {identity}", StateStatements.Forget, p => StateStatements.BindIdentity(p, identity), cancellationToken);
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Write($"record an attempt for task {attempt.Identity}", StateStatements.InsertAttempt, p => StateStatements.BindAttempt(p, attempt, null), cancellationToken);
    }

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the attempt history", StateStatements.ReadAttempts, p => p.AddWithValue("$limit", limit), StateRows.Attempt, cancellationToken);
    }

    /// <summary>The newest attempts of one task first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(TaskIdentity identity, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(
            $"read the attempt history of task {identity}",
            StateStatements.ReadTaskAttempts,
            p =>
            {
                StateStatements.BindIdentity(p, identity);
                p.AddWithValue("$limit", limit);
            },
            StateRows.Attempt,
            cancellationToken);
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Write("record a run", StateStatements.InsertRun, p => StateStatements.BindRun(p, run), cancellationToken);
    }

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read("read the runs", StateStatements.ReadRuns, p => p.AddWithValue("$limit", limit), StateRows.Run, cancellationToken);
    }

    public async Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) =>
        (await Read("read the endpoint it is bound to", StateStatements.ReadInfo, p => p.AddWithValue("$key", "endpoint"), r => r.GetString(0), cancellationToken)).SingleOrDefault();

    public Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        return Write(
            $"bind it to {endpoint}",
            StateStatements.WriteInfo + (forgetRecords ? StateStatements.ForgetForRebind : ""),
            p =>
            {
                p.AddWithValue("$key", "endpoint");
                p.AddWithValue("$value", endpoint);
                p.AddWithValue("$at", StateText.Timestamp(_timeProvider.GetUtcNow()));
            },
            cancellationToken);
    }

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IAsyncDisposable>(ApplyLock.Acquire(LockPath, Path, _timeProvider));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Finish the queued writes, then close every connection: the last close checkpoints the WAL and releases the file.
            await _database.DisposeAsync();
            _identity.Dispose();
        }
    }

    private Task<object?> Write(string action, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.WriteScalarAsync(action, sql, bind, cancellationToken);
    }

    private Task<IReadOnlyList<T>> Read<T>(string action, string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.ReadAsync(action, sql, bind, map, cancellationToken);
    }
}

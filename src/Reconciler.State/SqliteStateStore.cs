using Microsoft.Data.Sqlite;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State.Locking;
using Reconciler.State.Migrations;

namespace Reconciler.State;

/// <summary>
/// The embedded state store: one SQLite file holding the inventory (<c>tasks</c>), the append-only
/// attempt history (<c>attempts</c>) and the <c>runs</c>, plus an OS lock file beside it for applies.
/// Every write is its own transaction and is fsynced before it returns.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly StateDatabase _database;
    private readonly TimeProvider _timeProvider;
    private int _disposed;

    private SqliteStateStore(string path, string fullPath, StateConnections connections, TimeProvider timeProvider)
    {
        Path = path;
        FullPath = fullPath;
        LockPath = fullPath + ".lock";
        _database = new StateDatabase(path, connections);
        _timeProvider = timeProvider;
    }

    /// <summary>The schema version this build reads and writes.</summary>
    public static int SchemaVersion => StateMigrations.Latest;

    /// <summary>The path as given to <see cref="OpenAsync"/>; used in every message, as the user typed it.</summary>
    public string Path { get; }

    public string FullPath { get; }

    /// <summary>The file whose OS lock is the apply lock: <c>&lt;state&gt;.lock</c>.</summary>
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
        var fullPath = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(
                $"state store '{path}': could not create its directory: {exception.Message}", exception);
        }

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
        }
        catch (SqliteException exception)
        {
            connections.ClearPool();
            throw StateErrors.Wrap(path, "open", exception);
        }
        catch
        {
            connections.ClearPool();
            throw;
        }

        return new SqliteStateStore(path, fullPath, connections, timeProvider ?? TimeProvider.System);
    }

    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken)
    {
        var rows = await Read(
            "load the applied tasks",
            $"SELECT {StateRows.AppliedColumns} FROM tasks ORDER BY user_id, task_id;",
            _ => { },
            StateRows.Applied,
            cancellationToken);
        return rows.ToDictionary(r => r.Identity);
    }

    public async Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken)
    {
        var rows = await Read(
            "load the tasks in doubt",
            $"""
            SELECT {StateRows.IntentColumns} FROM intents i
            WHERE i.operation = 'update' AND i.settled_at IS NULL
              AND i.id > COALESCE((SELECT MAX(a.id) FROM intents a
                                   WHERE a.user_id = i.user_id AND a.task_id = i.task_id AND a.outcome = 'applied'), 0)
            ORDER BY i.id;
            """,
            _ => { },
            StateRows.Intent,
            cancellationToken);

        // Ordered by id: the newest intent of a task wins.
        var inDoubt = new Dictionary<TaskIdentity, TaskIntent>();
        foreach (var intent in rows)
        {
            inDoubt[intent.Identity] = intent;
        }

        return inDoubt;
    }

    public async Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var id = await WriteScalar(
            $"record the intent to {intent.Operation} task {intent.Identity}",
            """
            INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash)
            VALUES ($at, $revision, $user_id, $task_id, $operation, $body_hash) RETURNING id;
            """,
            p =>
            {
                p.AddWithValue("$at", StateText.Timestamp(intent.At));
                p.AddWithValue("$revision", Nullable(intent.Revision));
                BindIdentity(p, intent.Identity);
                p.AddWithValue("$operation", intent.Operation);
                p.AddWithValue("$body_hash", Nullable(intent.BodyHash));
            },
            cancellationToken);
        return intent with { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) };
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(attempt);
        var sql = new System.Text.StringBuilder(InsertAttempt);
        if (definitive)
        {
            sql.Append("UPDATE intents SET settled_at = $at, outcome = $outcome WHERE id = $intent_id;\n");
        }

        if (applied is not null)
        {
            sql.Append(UpsertApplied);
        }

        return Write(
            $"record how the {intent.Operation} of task {intent.Identity} ended",
            sql.ToString(),
            p =>
            {
                BindAttempt(p, attempt, intent.Id);
                if (applied is not null)
                {
                    BindApplied(p, applied);
                }
            },
            cancellationToken);
    }

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Write($"record task {record.Identity} as applied", UpsertApplied, p => BindApplied(p, record), cancellationToken);
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Write(
            $"forget task {identity}",
            "DELETE FROM tasks WHERE user_id = $user_id AND task_id = $task_id;",
            p => BindIdentity(p, identity),
            cancellationToken);
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Write($"record an attempt for task {attempt.Identity}", InsertAttempt, p => BindAttempt(p, attempt, null), cancellationToken);
    }

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(
            "read the attempt history",
            $"SELECT {StateRows.AttemptColumns} FROM attempts ORDER BY at DESC, id DESC LIMIT $limit;",
            p => p.AddWithValue("$limit", limit),
            StateRows.Attempt,
            cancellationToken);
    }

    /// <summary>
    /// The newest attempts of one task first, at most <paramref name="limit"/>: what per-task backoff
    /// needs (how many times in a row it was blocked or failed, and when last).
    /// </summary>
    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(
        TaskIdentity identity,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(
            $"read the attempt history of task {identity}",
            $"""
            SELECT {StateRows.AttemptColumns} FROM attempts
            WHERE user_id = $user_id AND task_id = $task_id
            ORDER BY at DESC, id DESC LIMIT $limit;
            """,
            p =>
            {
                BindIdentity(p, identity);
                p.AddWithValue("$limit", limit);
            },
            StateRows.Attempt,
            cancellationToken);
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Write(
            "record a run",
            $"""
            INSERT INTO runs ({StateRows.RunColumns})
            VALUES ($started_at, $duration_ms, $revision, $trigger, $applied, $outcomes, $error);
            """,
            p =>
            {
                p.AddWithValue("$started_at", StateText.Timestamp(run.StartedAt));
                p.AddWithValue("$duration_ms", StateText.Milliseconds(run.Duration));
                p.AddWithValue("$revision", Nullable(run.Revision));
                p.AddWithValue("$trigger", run.Trigger);
                p.AddWithValue("$applied", run.Applied ? 1 : 0);
                p.AddWithValue("$outcomes", StateText.OutcomeCounts(run.Outcomes.ToDictionary()));
                p.AddWithValue("$error", Nullable(run.Error));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(
            "read the runs",
            $"SELECT {StateRows.RunColumns} FROM runs ORDER BY started_at DESC, id DESC LIMIT $limit;",
            p => p.AddWithValue("$limit", limit),
            StateRows.Run,
            cancellationToken);
    }

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IAsyncDisposable>(ApplyLock.Acquire(LockPath, Path, _timeProvider));
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Close the pooled connections now: the last close checkpoints the WAL and releases the file.
            _database.ClearPool();
        }

        return ValueTask.CompletedTask;
    }

    private Task Write(
        string action,
        string sql,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.WriteAsync(action, sql, bind, cancellationToken);
    }

    private Task<object?> WriteScalar(
        string action,
        string sql,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.WriteScalarAsync(action, sql, bind, cancellationToken);
    }

    private Task<IReadOnlyList<T>> Read<T>(
        string action,
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _database.ReadAsync(action, sql, bind, map, cancellationToken);
    }

    private const string InsertAttempt = $"""
        INSERT INTO attempts ({StateRows.AttemptColumns}, intent_id)
        VALUES ($at, $revision, $user_id, $task_id, $outcome, $api_code, $message, $duration_ms, $body_hash, $intent_id);

        """;

    private const string UpsertApplied = $"""
        INSERT INTO tasks ({StateRows.AppliedColumns})
        VALUES ($user_id, $task_id, $body, $applied_body_hash, $source_file, $source_revision, $applied_at)
        ON CONFLICT (user_id, task_id) DO UPDATE SET
            body = excluded.body, body_hash = excluded.body_hash, source_file = excluded.source_file,
            source_revision = excluded.source_revision, applied_at = excluded.applied_at;

        """;

    private static void BindAttempt(SqliteParameterCollection p, ApplyAttempt attempt, long? intentId)
    {
        p.AddWithValue("$at", StateText.Timestamp(attempt.At));
        p.AddWithValue("$revision", Nullable(attempt.Revision));
        BindIdentity(p, attempt.Identity);
        p.AddWithValue("$outcome", StateText.Outcome(attempt.Outcome));
        p.AddWithValue("$api_code", attempt.ApiCode is { } code ? code : DBNull.Value);
        p.AddWithValue("$message", Nullable(attempt.Message));
        p.AddWithValue("$duration_ms", StateText.Milliseconds(attempt.Duration));
        p.AddWithValue("$body_hash", Nullable(attempt.BodyHash));
        p.AddWithValue("$intent_id", intentId is { } id ? id : DBNull.Value);
    }

    private static void BindApplied(SqliteParameterCollection p, AppliedRecord record)
    {
        if (!p.Contains("$user_id"))
        {
            BindIdentity(p, record.Identity);
        }

        p.AddWithValue("$body", record.Body.Json);
        p.AddWithValue("$applied_body_hash", record.Body.Hash);
        p.AddWithValue("$source_file", record.SourceFile);
        p.AddWithValue("$source_revision", Nullable(record.SourceRevision));
        p.AddWithValue("$applied_at", StateText.Timestamp(record.AppliedAt));
    }

    private static void BindIdentity(SqliteParameterCollection parameters, TaskIdentity identity)
    {
        parameters.AddWithValue("$user_id", identity.UserId);
        parameters.AddWithValue("$task_id", identity.TaskId);
    }

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;
using Reconciler.State.Locking;
using Reconciler.State.Migrations;
using Reconciler.State.Sql;

namespace Reconciler.State;

/// <summary>
/// The embedded state store: one SQLite file holding the records of <see cref="SqlStateStore"/> (the inventory, the
/// write-ahead intents, the attempt history, the runs and what the store is bound to), plus an OS lock file beside it
/// for applies. Every write is its own transaction
/// and is fsynced before it returns (writes that arrive together share one commit: <see cref="StateWriteQueue"/>). The file is named by its real path (symbolic links resolved), and a file
/// deleted or replaced under the open store fails every later read and write instead of being written blind.
/// </summary>
public sealed class SqliteStateStore : SqlStateStore
{
    private readonly StateDatabase _database;
    private readonly StateFileIdentity _identity;
    private readonly TimeProvider _timeProvider;

    private SqliteStateStore(string path, string fullPath, StateFileIdentity identity, TimeProvider timeProvider)
        : base(SqliteDialect.Instance, timeProvider)
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
        RefuseSecondNames(path, fullPath);
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
            var identity = new StateFileIdentity(fullPath);
            if (identity.Problem() is { } problem)
            {
                identity.Dispose();
                throw new StateStoreException($"state store '{path}': {problem}");
            }

            return new SqliteStateStore(path, fullPath, identity, timeProvider ?? TimeProvider.System);
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

    /// <summary>Before SQLite opens (and perhaps migrates) it: a state file with a second name is never written through either.</summary>
    private static void RefuseSecondNames(string path, string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            return;
        }

        try
        {
            using var probe = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (FileLinks.Problem(probe.SafeFileHandle) is { } problem)
            {
                throw new StateStoreException($"state store '{path}': {problem}");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unreadable here: opening it below reports why, in the usual words.
        }
    }

    public override Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_identity.Problem() is { } problem)
        {
            throw new StateStoreException($"state store '{Path}': {problem}");
        }

        return Task.FromResult<IAsyncDisposable>(ApplyLock.Acquire(LockPath, Path, _timeProvider));
    }

    /// <summary>Transactions committed since the store was opened and the writes they held (each commit is one fsync): for benchmarks that count commits per request.</summary>
    internal (long Commits, long Writes) CommitCounts => _database.CommitCounts;

    /// <summary>Every record in one read transaction (<c>reconciler state migrate</c>), consistent even while another process writes.</summary>
    internal Task<StateExport> ExportAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return _database.SnapshotAsync("read every record", (connection, transaction) => ExportAsync(connection, transaction, cancellationToken), cancellationToken);
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        // Finish the queued writes, then close every connection: the last close checkpoints the WAL and releases the file.
        await _database.DisposeAsync();
        _identity.Dispose();
    }

    private protected override Task<object?> WriteCoreAsync(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken) =>
        _database.WriteScalarAsync(action, sql, bind, cancellationToken);

    private protected override Task<IReadOnlyList<T>> ReadCoreAsync<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        _database.ReadAsync(action, sql, bind, map, cancellationToken);
}

using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Reconciler.State.Sql;

namespace Reconciler.State;

/// <summary>
/// Runs the store's statements: each write a unit of its own, durable before it returns (group-committed by
/// <see cref="StateWriteQueue"/>), each read on its own pooled connection, and every SQLite error turned into a
/// typed exception that names the file.
/// </summary>
internal sealed class StateDatabase : IAsyncDisposable
{
    private readonly string _displayPath;
    private readonly StateConnections _connections;
    private readonly Func<string?> _fileProblem;
    private readonly StateWriteQueue _writes;

    /// <param name="fileProblem">Checked before every statement: why the path no longer names the file opened, or null.</param>
    /// <param name="fullPath">The file's real path: a write refused as read-only names which of its files cannot be written.</param>
    public StateDatabase(string displayPath, StateConnections connections, Func<string?>? fileProblem = null, string? fullPath = null)
    {
        _displayPath = displayPath;
        _connections = connections;
        _fileProblem = fileProblem ?? (() => null);
        _writes = new StateWriteQueue(connections, (action, exception) =>
            StateErrors.Wrap(displayPath, fullPath is null ? action : action + StateFileAccess.WritableHint(fullPath, exception), exception));
    }

    /// <summary>The write queue's commits and the writes they held, since the store was opened.</summary>
    public (long Commits, long Writes) CommitCounts => (_writes.Commits, _writes.CommittedWrites);

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        _connections.ClearPool();
    }

    /// <summary>Runs the statements as one unit (a savepoint of the next group commit) and returns the first column of the first row (e.g. <c>RETURNING id</c>), once it is durable.</summary>
    public Task<object?> WriteScalarAsync(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken)
    {
        EnsureSameFile(action);

        // Not cancellable once queued: a recorded success must not be dropped at the last step by a shutdown.
        return _writes.WriteAsync(action, sql, bind);
    }

    public Task<IReadOnlyList<T>> ReadAsync<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        SnapshotAsync(action, (connection, transaction) => StoreCommands.ReadAsync(connection, transaction, SqliteDialect.Instance, sql, bind, map, cancellationToken), cancellationToken);

    /// <summary>Runs reads in one read transaction, so they see one consistent state even while another process writes.</summary>
    public async Task<T> SnapshotAsync<T>(string action, Func<DbConnection, DbTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        EnsureSameFile(action);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: true);
            return await read(connection, transaction);
        }
        catch (SqliteException exception)
        {
            throw StateErrors.Wrap(_displayPath, action, exception);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidCastException)
        {
            throw new StateStoreFormatException(
                $"state store '{_displayPath}': could not {action}: a stored row is malformed: {exception.Message}", exception);
        }
    }

    private void EnsureSameFile(string action)
    {
        if (_fileProblem() is { } problem)
        {
            throw new StateStoreException($"state store '{_displayPath}': could not {action}: {problem}; nothing more is recorded or sent until it is opened again");
        }
    }
}

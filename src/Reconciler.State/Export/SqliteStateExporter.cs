using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;

namespace Reconciler.State.Export;

/// <summary>
/// Reads every row of a state file (<c>reconciler state migrate</c>): brought to the newest schema first, then read in
/// one read transaction, so the rows are one consistent snapshot even while another process writes.
/// </summary>
public static class SqliteStateExporter
{
    /// <exception cref="StateStoreException">The file cannot be opened or read.</exception>
    public static async Task<StateExport> ExportAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new StateStoreException($"state store '{path}' does not exist");
        }

        string fullPath;
        await using (var store = await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken))
        {
            fullPath = store.FullPath;
        }

        var connections = new StateConnections(fullPath, create: false);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: true);
            var tasks = await ReadAsync(connection, transaction, $"SELECT {StateRows.AppliedColumns} FROM tasks ORDER BY user_id, task_id;", StateRows.Applied, cancellationToken);
            var intents = await ReadAsync(connection, transaction, "SELECT id, at, revision, user_id, task_id, operation, body_hash, settled_at, outcome FROM intents ORDER BY id;", Intent, cancellationToken);
            var attempts = await ReadAsync(connection, transaction, $"SELECT {StateRows.AttemptColumns}, id, intent_id FROM attempts ORDER BY id;", Attempt, cancellationToken);
            var runs = await ReadAsync(connection, transaction, $"SELECT {StateRows.RunColumns}, id FROM runs ORDER BY id;", r => new ExportedRun(r.GetInt64(7), StateRows.Run(r)), cancellationToken);
            var info = await ReadAsync(connection, transaction, "SELECT key, value FROM store_info ORDER BY key;", r => (r.GetString(0), r.GetString(1)), cancellationToken);
            return new StateExport(tasks, intents, attempts, runs, info.ToDictionary(i => i.Item1, i => i.Item2, StringComparer.Ordinal));
        }
        catch (SqliteException exception)
        {
            throw StateErrors.Wrap(path, "read every record", exception);
        }
        catch (FormatException exception)
        {
            throw new StateStoreFormatException($"state store '{path}': a stored row is malformed: {exception.Message}", exception);
        }
        finally
        {
            connections.ClearPool();
        }
    }

    private static ExportedIntent Intent(SqliteDataReader row) => new(
        StateRows.Intent(row),
        row.IsDBNull(7) ? null : StateText.ParseTimestamp(row.GetString(7)),
        row.IsDBNull(8) ? null : row.GetString(8));

    private static ExportedAttempt Attempt(SqliteDataReader row) => new(
        row.GetInt64(9),
        StateRows.Attempt(row),
        row.IsDBNull(10) ? null : row.GetInt64(10));

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

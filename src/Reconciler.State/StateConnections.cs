using Microsoft.Data.Sqlite;

namespace Reconciler.State;

/// <summary>
/// Opens connections to one state file. A connection per operation (pooled) rather than one shared
/// connection: a <see cref="SqliteConnection"/> is not thread-safe, and the applier writes from several
/// tasks at once.
/// </summary>
internal sealed class StateConnections
{
    /// <summary>How long SQLite itself waits for another writer before reporting busy.</summary>
    public const int BusyTimeoutMilliseconds = 5_000;

    /// <param name="create">Create the file when missing: only while opening; afterwards a deleted file must fail, not be silently recreated empty.</param>
    public StateConnections(string fullPath, bool create = true)
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = true,

            // Microsoft.Data.Sqlite also retries busy statements itself until this many seconds pass.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per-connection settings (journal_mode=WAL is stored in the file, set once at open).
            // synchronous=FULL: with WAL every commit is fsynced, so an applied task that was recorded
            // survives a power loss, not only a process crash.
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the file to write-ahead logging (readers never block the writer).</summary>
    public static async Task EnableWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // The answer is the mode now in force. Where WAL is impossible (some network file systems)
        // SQLite keeps its rollback journal, which is just as durable with synchronous=FULL, so go on.
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Closes idle pooled connections, so the file (and its -wal/-shm) is released at once.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}

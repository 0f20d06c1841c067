using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Reconciler.State.Sql;

namespace Reconciler.State;

/// <summary>
/// Group commit for the store's writes. Every write is a unit of its own — a SAVEPOINT, rolled back alone when it
/// fails — and its caller is released only after the transaction holding it is committed and fsynced, so nothing
/// is reported written before it is durable. Writes that arrive while one commit is being flushed share the next
/// commit: with 16 requests in flight, one fsync covers up to 16 intents or answers instead of one each (the
/// fsyncs, not the API, had set the pace of a parallel apply). One writer connection, one writer task.
/// </summary>
internal sealed class StateWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 128;

    private readonly StateConnections _connections;
    private readonly Func<string, SqliteException, Exception> _wrap;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private SqliteConnection? _connection;
    private long _commits;
    private long _committedWrites;

    public StateWriteQueue(StateConnections connections, Func<string, SqliteException, Exception> wrap)
    {
        _connections = connections;
        _wrap = wrap;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed (each one fsync with synchronous=FULL): what a benchmark counts per request sent.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes those transactions held (a write refused alone still counts: it shared the commit).</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    public Task<object?> WriteAsync(string action, string sql, Action<StoreParameters> bind)
    {
        var pending = new PendingWrite(action, sql, bind);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var results = new (object? Value, Exception? Error)[batch.Count];
        try
        {
            _connection ??= await _connections.OpenAsync(CancellationToken.None);
            await using var transaction = _connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await RunAsync(_connection, transaction, batch[i]);
            }

            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedWrites, batch.Count);
        }
        catch (SqliteException exception)
        {
            // The commit itself (or BEGIN) failed: nothing of this batch is durable. A new connection next time.
            await ResetConnectionAsync();
            foreach (var write in batch)
            {
                write.Result.TrySetException(_wrap(write.Action, exception));
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Result.TrySetException(error);
            }
            else
            {
                batch[i].Result.TrySetResult(results[i].Value);
            }
        }
    }

    private async Task<(object? Value, Exception? Error)> RunAsync(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        await Execute(connection, transaction, "SAVEPOINT write;");
        try
        {
            var value = await StoreCommands.ScalarAsync(connection, transaction, SqliteDialect.Instance, write.Sql, write.Bind, CancellationToken.None);
            await Execute(connection, transaction, "RELEASE write;");
            return (value, null);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is not (SqliteFull or SqliteIoErr or SqliteReadOnly or SqliteCorrupt))
        {
            // This write alone is refused (a constraint, a trigger): the others of the batch still commit.
            await Execute(connection, transaction, "ROLLBACK TO write; RELEASE write;");
            return (null, _wrap(write.Action, exception));
        }
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task ResetConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteReadOnly = 8;

    private sealed record PendingWrite(string Action, string Sql, Action<StoreParameters> Bind)
    {
        public TaskCompletionSource<object?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

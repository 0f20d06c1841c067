using System.Data;
using Npgsql;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>
/// The apply lock of a PostgreSQL store: a session-level advisory lock held by one dedicated, unpooled connection,
/// and the leadership term recorded when it was taken. While the lease is installed, every write of the store runs
/// on this same session, serialised: a write that succeeds proves the session (and so the lock) was alive when it
/// committed, and the intent INSERT also checks that no newer term exists. Once the session is gone — the server
/// ended it, the network dropped it, an administrator terminated it — the lease is lost and every later write fails
/// at once, so the engine sends nothing more. Closing the connection is what releases the lock; PostgreSQL also
/// releases it when the session dies (process killed: at once; network cut: after the TCP keepalive probes fail).
/// </summary>
public sealed class PostgresLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PostgresDatabase _database;
    private string? _endReason;

    internal PostgresLease(NpgsqlConnection connection, LeaderRecord leader, PostgresDatabase database)
    {
        _connection = connection;
        Leader = leader;
        _database = database;
    }

    /// <summary>The leadership this lease holds (its term, replica name and backend pid).</summary>
    public LeaderRecord Leader { get; }

    public long Term => Leader.Term;

    /// <summary>True until the session is lost or the lease released.</summary>
    public bool IsHeld => Volatile.Read(ref _endReason) is null;

    /// <summary>Why the lease ended (lost or released); null while held.</summary>
    public string? EndReason => Volatile.Read(ref _endReason);

    /// <summary>Completes when the lease ends, lost or released.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Asks the session whether it is alive (a round trip); false, and the lease lost, when it is not.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (!IsHeld)
        {
            return false;
        }

        try
        {
            await RunAsync("check the leader's session", (connection, transaction, token) => PostgresDatabase.ScalarAsync(connection, transaction, "SELECT 1;", _ => { }, token), cancellationToken);
            return true;
        }
        catch (StateStoreException)
        {
            return IsHeld;
        }
    }

    /// <summary>Runs <paramref name="work"/> in its own transaction on the leader's session.</summary>
    /// <exception cref="StateStoreException">The lease has ended, or the work failed (a lost session ends the lease).</exception>
    internal async Task<T> RunAsync<T>(string action, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfEnded(action);
            try
            {
                await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
                var result = await work(_connection, transaction, cancellationToken);
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            }
            catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e))
            {
                if (_connection.FullState.HasFlag(ConnectionState.Broken) || _connection.State != ConnectionState.Open)
                {
                    End($"the database session holding the apply lock was lost ({PostgresErrors.Describe(e, _database.Redactor)})");
                    ThrowIfEnded(action);
                }

                throw PostgresErrors.Wrap(_database.Display, action, e, _database.Redactor);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends the lease for good (a write found a newer term): nothing more is written through it.</summary>
    internal void Lose(string reason) => End(reason);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var wasHeld = IsHeld;
            End("the apply lock was released");
            if (wasHeld && _connection.State == ConnectionState.Open)
            {
                try
                {
                    // Released in a round trip, so whoever asks next finds it free (the server ends a closed session a moment later).
                    await PostgresDatabase.ScalarAsync(_connection, null, "SELECT pg_advisory_unlock_all();", _ => { }, CancellationToken.None);
                }
                catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e))
                {
                    // The session is going anyway; closing it below releases the lock.
                }
            }

            // Unpooled: closing ends the session, and with it the advisory lock.
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void End(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _ended.TrySetResult();
        }
    }

    private void ThrowIfEnded(string action)
    {
        if (EndReason is { } reason)
        {
            throw new StateStoreException(
                $"state store '{_database.Display}': could not {action}: this process no longer leads (term {Term}): {reason}; nothing more is sent until it leads again");
        }
    }
}

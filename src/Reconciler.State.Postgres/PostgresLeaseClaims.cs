using Npgsql;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>
/// Takes the apply lock on a new, dedicated session: at once (<c>pg_try_advisory_lock</c>, for an apply) or waiting
/// up to a bound (<c>pg_advisory_lock</c> under <c>lock_timeout</c>, for a replica waiting to lead, which then takes
/// over the moment the leader's session ends). On success a new term is written to <c>leader_terms</c>.
/// </summary>
internal static class PostgresLeaseClaims
{
    /// <summary>How soon the server notices a leader whose network is gone and frees its lock: idle 5 s, then 3 probes 2 s apart.</summary>
    public static readonly TimeSpan KeepaliveDetection = TimeSpan.FromSeconds(5 + (3 * 2));

    private const string ServerKeepalives = "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3;";

    /// <returns>The lease, or null when another session holds the lock (at once, or still after <paramref name="wait"/>).</returns>
    public static async Task<PostgresLease?> ClaimAsync(
        PostgresConnectionSpec spec, PostgresDatabase database, ReplicaIdentity who, TimeSpan? wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = spec.Builder();
        builder.Pooling = false;        // closing must end the session, or the lock would live on in the pool
        builder.CommandTimeout = 10;    // a write on a dead network fails within seconds, not half a minute
        builder.TcpKeepAlive = true;
        builder.ApplicationName = Shorten($"{builder.ApplicationName} leader {who.Name}");
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await PostgresDatabase.ScalarAsync(connection, null, ServerKeepalives, _ => { }, cancellationToken);
            if (!await LockAsync(connection, wait, cancellationToken))
            {
                await connection.DisposeAsync();
                return null;
            }

            var at = time.GetUtcNow().ToUniversalTime();
            var term = Convert.ToInt64(await PostgresDatabase.ScalarAsync(
                connection,
                null,
                "INSERT INTO leader_terms (replica, host, process_id, backend_pid, acquired_at) VALUES (@replica, @host, @pid, pg_backend_pid(), @at) RETURNING term;",
                p => p.Text("replica", who.Name).Text("host", who.Host).Integer("pid", who.ProcessId).Time("at", at),
                cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new PostgresLease(connection, new LeaderRecord(term, who.Name, who.Host, who.ProcessId, connection.ProcessID, at, Held: true), database);
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e))
        {
            await connection.DisposeAsync();
            throw PostgresErrors.Wrap(database.Display, "take the apply lock", e, database.Redactor);
        }
        catch
        {
            // Cancelled while waiting, or anything else: the session (and any lock it got) ends with the connection.
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, TimeSpan? wait, CancellationToken cancellationToken)
    {
        if (wait is null)
        {
            return await PostgresDatabase.ScalarAsync(connection, null, $"SELECT pg_try_advisory_lock({PostgresLockKeys.Apply}, {PostgresLockKeys.SchemaKey});", _ => { }, cancellationToken) is true;
        }

        // lock_timeout bounds the wait, so a waiting replica also notices a database that went away.
        var milliseconds = Math.Max(1, (long)wait.Value.TotalMilliseconds);
        await PostgresDatabase.ScalarAsync(connection, null, $"SET lock_timeout = {milliseconds};", _ => { }, cancellationToken);
        try
        {
            await PostgresDatabase.ScalarAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKeys.Apply}, {PostgresLockKeys.SchemaKey});", _ => { }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }

        await PostgresDatabase.ScalarAsync(connection, null, "SET lock_timeout = 0;", _ => { }, cancellationToken);
        return true;
    }

    // application_name is cut at 63 bytes by the server; keep the end (the replica's host:pid) readable.
    private static string Shorten(string name) => name.Length <= 60 ? name : name[..60];
}

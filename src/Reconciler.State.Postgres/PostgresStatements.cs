using Reconciler.Core.State;
using Reconciler.State.Sql;

namespace Reconciler.State.Postgres;

/// <summary>The SQL only a PostgreSQL store has (the shared statements are <see cref="StoreStatements"/>): the fenced intent, the leader, the counts.</summary>
internal static class PostgresStatements
{
    /// <summary>
    /// Fenced: written only while @term is the newest leadership. Runs on the leader's own session, which holds the
    /// advisory lock; the term check also refuses it should a newer leader exist.
    /// </summary>
    public const string InsertIntentFenced = """
        INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash, deadline_at, leader_term)
        SELECT @at, @revision, @user_id, @task_id, @operation, @body_hash, @deadline_at, @term
        WHERE @term = (SELECT max(term) FROM leader_terms)
        RETURNING id;
        """;

    /// <summary>The newest leadership, and whether its backend still holds the apply lock of this schema.</summary>
    public static readonly string ReadLeader = $"""
        SELECT t.term, t.replica, t.host, t.process_id, t.backend_pid, t.acquired_at,
               EXISTS (SELECT 1 FROM pg_locks l
                       WHERE l.locktype = 'advisory' AND l.granted AND l.pid = t.backend_pid
                         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                         AND l.classid = {PostgresLockKeys.Apply}::oid AND l.objid = ({PostgresLockKeys.SchemaKey})::oid AND l.objsubid = 2)
        FROM leader_terms t ORDER BY t.term DESC LIMIT 1;
        """;

    public const string Counts = """
        SELECT (SELECT count(*) FROM tasks), (SELECT count(*) FROM intents), (SELECT count(*) FROM attempts),
               (SELECT count(*) FROM runs), (SELECT count(*) FROM accepted_bodies), (SELECT count(*) FROM revision_holds),
               (SELECT count(*) FROM store_info);
        """;

    public static void BindFencedIntent(StoreParameters p, TaskIntent intent, long term)
    {
        StoreStatements.BindIntent(p, intent);
        p.Long("term", term);
    }
}

using Npgsql;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>The store's SQL (the same statements as the SQLite store's, in PostgreSQL's dialect) and how records bind to them.</summary>
internal static class PostgresStatements
{
    public const string LoadApplied = $"SELECT {PostgresRows.AppliedColumns} FROM tasks ORDER BY user_id, task_id;";

    /// <summary>Per task: unsettled update intents newer than its last applied one (ordered by id: the newest wins).</summary>
    public const string LoadInDoubt = $"""
        SELECT {PostgresRows.IntentColumns} FROM intents i
        WHERE i.operation = 'update' AND i.settled_at IS NULL
          AND i.id > COALESCE((SELECT MAX(a.id) FROM intents a
                               WHERE a.user_id = i.user_id AND a.task_id = i.task_id AND a.outcome = 'applied'), 0)
        ORDER BY i.id;
        """;

    /// <summary>Unfenced: a store that never took the apply lock (tests, tools) writes like the SQLite store.</summary>
    public const string InsertIntent = """
        INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash)
        VALUES (@at, @revision, @user_id, @task_id, @operation, @body_hash) RETURNING id;
        """;

    /// <summary>
    /// Fenced: written only while @term is the newest leadership. Runs on the leader's own session, which holds the
    /// advisory lock; the term check also refuses it should a newer leader exist.
    /// </summary>
    public const string InsertIntentFenced = """
        INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash, leader_term)
        SELECT @at, @revision, @user_id, @task_id, @operation, @body_hash, @term
        WHERE @term = (SELECT max(term) FROM leader_terms)
        RETURNING id;
        """;

    public const string SettleIntent = "UPDATE intents SET settled_at = @at, outcome = @outcome WHERE id = @intent_id;\n";

    public const string InsertAttempt = $"""
        INSERT INTO attempts ({PostgresRows.AttemptColumns}, intent_id)
        VALUES (@at, @revision, @user_id, @task_id, @outcome, @api_code, @message, @duration_ms, @body_hash, @intent_id);

        """;

    public const string UpsertApplied = $"""
        INSERT INTO tasks ({PostgresRows.AppliedColumns})
        VALUES (@user_id, @task_id, @body, @applied_body_hash, @source_file, @source_revision, @applied_at)
        ON CONFLICT (user_id, task_id) DO UPDATE SET
            body = excluded.body, body_hash = excluded.body_hash, source_file = excluded.source_file,
            source_revision = excluded.source_revision, applied_at = excluded.applied_at;

        """;

    public const string Forget = "DELETE FROM tasks WHERE user_id = @user_id AND task_id = @task_id;";

    public const string ReadAttempts = $"SELECT {PostgresRows.AttemptColumns} FROM attempts ORDER BY at DESC, id DESC LIMIT @limit;";

    public const string ReadTaskAttempts = $"""
        SELECT {PostgresRows.AttemptColumns} FROM attempts
        WHERE user_id = @user_id AND task_id = @task_id
        ORDER BY at DESC, id DESC LIMIT @limit;
        """;

    public const string InsertRun = $"""
        INSERT INTO runs ({PostgresRows.RunColumns})
        VALUES (@started_at, @duration_ms, @revision, @trigger, @applied, @outcomes, @error);
        """;

    public const string ReadRuns = $"SELECT {PostgresRows.RunColumns} FROM runs ORDER BY started_at DESC, id DESC LIMIT @limit;";

    public const string ReadInfo = "SELECT value FROM store_info WHERE key = @key;";

    public const string WriteInfo = "INSERT INTO store_info (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n";

    public const string ForgetForRebind = "DELETE FROM tasks;\nUPDATE intents SET settled_at = @at, outcome = 'rebound' WHERE settled_at IS NULL;\n";

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
               (SELECT count(*) FROM runs), (SELECT count(*) FROM store_info);
        """;

    public static void BindIntent(NpgsqlParameterCollection p, TaskIntent intent)
    {
        p.AddWithValue("at", PostgresText.Utc(intent.At));
        Text(p, "revision", intent.Revision);
        BindIdentity(p, intent.Identity);
        p.AddWithValue("operation", intent.Operation);
        Text(p, "body_hash", intent.BodyHash);
    }

    public static void BindAttempt(NpgsqlParameterCollection p, ApplyAttempt attempt, long? intentId)
    {
        p.AddWithValue("at", PostgresText.Utc(attempt.At));
        Text(p, "revision", attempt.Revision);
        BindIdentity(p, attempt.Identity);
        p.AddWithValue("outcome", attempt.Outcome.ToWord());
        p.AddWithValue("api_code", NpgsqlTypes.NpgsqlDbType.Integer, attempt.ApiCode is { } code ? code : DBNull.Value);
        Text(p, "message", attempt.Message);
        p.AddWithValue("duration_ms", PostgresText.Milliseconds(attempt.Duration));
        Text(p, "body_hash", attempt.BodyHash);
        p.AddWithValue("intent_id", NpgsqlTypes.NpgsqlDbType.Bigint, intentId is { } id ? id : DBNull.Value);
    }

    public static void BindApplied(NpgsqlParameterCollection p, AppliedRecord record)
    {
        if (!p.Contains("user_id"))
        {
            BindIdentity(p, record.Identity);
        }

        p.AddWithValue("body", record.Body.Json);
        p.AddWithValue("applied_body_hash", record.Body.Hash);
        p.AddWithValue("source_file", record.SourceFile);
        Text(p, "source_revision", record.SourceRevision);
        p.AddWithValue("applied_at", PostgresText.Utc(record.AppliedAt));
    }

    public static void BindRun(NpgsqlParameterCollection p, RunRecord run)
    {
        p.AddWithValue("started_at", PostgresText.Utc(run.StartedAt));
        p.AddWithValue("duration_ms", PostgresText.Milliseconds(run.Duration));
        Text(p, "revision", run.Revision);
        p.AddWithValue("trigger", run.Trigger);
        p.AddWithValue("applied", run.Applied);
        p.AddWithValue("outcomes", run.Outcomes.ToJson());
        Text(p, "error", run.Error);
    }

    public static void BindIdentity(NpgsqlParameterCollection p, TaskIdentity identity)
    {
        p.AddWithValue("user_id", identity.UserId);
        p.AddWithValue("task_id", identity.TaskId);
    }

    /// <summary>A text parameter whose null is typed, so the server never has to guess.</summary>
    public static void Text(NpgsqlParameterCollection p, string name, string? value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = value is null ? DBNull.Value : value });
}

using Microsoft.Data.Sqlite;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.State;

/// <summary>The store's SQL and how each record binds to its parameters (column order as in <see cref="StateRows"/>).</summary>
internal static class StateStatements
{
    public const string LoadApplied = $"SELECT {StateRows.AppliedColumns} FROM tasks ORDER BY user_id, task_id;";

    /// <summary>Per task: unsettled update intents newer than its last applied one (ordered by id: the newest wins).</summary>
    public const string LoadInDoubt = $"""
        SELECT {StateRows.IntentColumns} FROM intents i
        WHERE i.operation = 'update' AND i.settled_at IS NULL
          AND i.id > COALESCE((SELECT MAX(a.id) FROM intents a
                               WHERE a.user_id = i.user_id AND a.task_id = i.task_id AND a.outcome = 'applied'), 0)
        ORDER BY i.id;
        """;

    public const string InsertIntent = """
        INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash)
        VALUES ($at, $revision, $user_id, $task_id, $operation, $body_hash) RETURNING id;
        """;

    public const string SettleIntent = "UPDATE intents SET settled_at = $at, outcome = $outcome WHERE id = $intent_id;\n";

    public const string InsertAttempt = $"""
        INSERT INTO attempts ({StateRows.AttemptColumns}, intent_id)
        VALUES ($at, $revision, $user_id, $task_id, $outcome, $api_code, $message, $duration_ms, $body_hash, $intent_id);

        """;

    public const string UpsertApplied = $"""
        INSERT INTO tasks ({StateRows.AppliedColumns})
        VALUES ($user_id, $task_id, $body, $applied_body_hash, $source_file, $source_revision, $applied_at)
        ON CONFLICT (user_id, task_id) DO UPDATE SET
            body = excluded.body, body_hash = excluded.body_hash, source_file = excluded.source_file,
            source_revision = excluded.source_revision, applied_at = excluded.applied_at;

        """;

    public const string Forget = "DELETE FROM tasks WHERE user_id = $user_id AND task_id = $task_id;";

    public const string ReadAttempts = $"SELECT {StateRows.AttemptColumns} FROM attempts ORDER BY at DESC, id DESC LIMIT $limit;";

    public const string ReadTaskAttempts = $"""
        SELECT {StateRows.AttemptColumns} FROM attempts
        WHERE user_id = $user_id AND task_id = $task_id
        ORDER BY at DESC, id DESC LIMIT $limit;
        """;

    public const string InsertRun = $"""
        INSERT INTO runs ({StateRows.RunColumns})
        VALUES ($started_at, $duration_ms, $revision, $trigger, $applied, $outcomes, $error);
        """;

    public const string ReadRuns = $"SELECT {StateRows.RunColumns} FROM runs ORDER BY started_at DESC, id DESC LIMIT $limit;";

    public const string ReadInfo = "SELECT value FROM store_info WHERE key = $key;";

    public const string WriteInfo = "INSERT INTO store_info (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n";

    /// <summary>Re-binding to another endpoint: its records describe the old one, so they are forgotten (history is kept) and every open intent is closed.</summary>
    public const string ForgetForRebind = "DELETE FROM tasks;\nUPDATE intents SET settled_at = $at, outcome = 'rebound' WHERE settled_at IS NULL;\n";

    public static void BindIntent(SqliteParameterCollection p, TaskIntent intent)
    {
        p.AddWithValue("$at", StateText.Timestamp(intent.At));
        p.AddWithValue("$revision", Nullable(intent.Revision));
        BindIdentity(p, intent.Identity);
        p.AddWithValue("$operation", intent.Operation);
        p.AddWithValue("$body_hash", Nullable(intent.BodyHash));
    }

    public static void BindAttempt(SqliteParameterCollection p, ApplyAttempt attempt, long? intentId)
    {
        p.AddWithValue("$at", StateText.Timestamp(attempt.At));
        p.AddWithValue("$revision", Nullable(attempt.Revision));
        BindIdentity(p, attempt.Identity);
        p.AddWithValue("$outcome", attempt.Outcome.ToWord());
        p.AddWithValue("$api_code", attempt.ApiCode is { } code ? code : DBNull.Value);
        p.AddWithValue("$message", Nullable(attempt.Message));
        p.AddWithValue("$duration_ms", StateText.Milliseconds(attempt.Duration));
        p.AddWithValue("$body_hash", Nullable(attempt.BodyHash));
        p.AddWithValue("$intent_id", intentId is { } id ? id : DBNull.Value);
    }

    public static void BindApplied(SqliteParameterCollection p, AppliedRecord record)
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

    public static void BindRun(SqliteParameterCollection p, RunRecord run)
    {
        p.AddWithValue("$started_at", StateText.Timestamp(run.StartedAt));
        p.AddWithValue("$duration_ms", StateText.Milliseconds(run.Duration));
        p.AddWithValue("$revision", Nullable(run.Revision));
        p.AddWithValue("$trigger", run.Trigger);
        p.AddWithValue("$applied", run.Applied ? 1 : 0);
        p.AddWithValue("$outcomes", run.Outcomes.ToJson());
        p.AddWithValue("$error", Nullable(run.Error));
    }

    public static void BindIdentity(SqliteParameterCollection parameters, TaskIdentity identity)
    {
        parameters.AddWithValue("$user_id", identity.UserId);
        parameters.AddWithValue("$task_id", identity.TaskId);
    }

    public static object Nullable(string? value) => value is null ? DBNull.Value : value;
}

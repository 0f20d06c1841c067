using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.State.Sql;

/// <summary>
/// The store's SQL, one text for every database (the common ground of SQLite and PostgreSQL: <c>@name</c>
/// parameters, <c>ON CONFLICT … DO UPDATE</c>, <c>RETURNING</c>), and how each record binds to its parameters.
/// </summary>
internal static class StoreStatements
{
    public const string LoadApplied = $"SELECT {StoreRows.AppliedColumns} FROM tasks ORDER BY user_id, task_id;";

    /// <summary>Per task: unsettled update intents newer than its last applied one (ordered by id: the newest wins).</summary>
    public const string LoadInDoubt = $"""
        SELECT {StoreRows.IntentColumns} FROM intents i
        WHERE i.operation = 'update' AND i.settled_at IS NULL
          AND i.id > COALESCE((SELECT MAX(a.id) FROM intents a
                               WHERE a.user_id = i.user_id AND a.task_id = i.task_id AND a.outcome = 'applied'), 0)
        ORDER BY i.id;
        """;

    /// <summary>Update requests that may still land: their deadline not passed, whether settled or not (an earlier attempt went unanswered).</summary>
    public const string LoadOpenRequests = """
        SELECT user_id, task_id, body_hash, at, deadline_at FROM intents
        WHERE operation = 'update' AND deadline_at > @now
        ORDER BY id;
        """;

    public const string InsertIntent = """
        INSERT INTO intents (at, revision, user_id, task_id, operation, body_hash, deadline_at)
        VALUES (@at, @revision, @user_id, @task_id, @operation, @body_hash, @deadline_at) RETURNING id;
        """;

    /// <summary>The answer settles the intent; its deadline stays only while something of its request may still land.</summary>
    public const string SettleIntent = "UPDATE intents SET settled_at = @at, outcome = @outcome, deadline_at = @deadline_at WHERE id = @intent_id;\n";

    public const string InsertAttempt = $"""
        INSERT INTO attempts ({StoreRows.AttemptColumns}, intent_id)
        VALUES (@at, @revision, @user_id, @task_id, @outcome, @api_code, @message, @duration_ms, @body_hash, @intent_id);

        """;

    public const string UpsertApplied = $"""
        INSERT INTO tasks ({StoreRows.AppliedColumns})
        VALUES (@user_id, @task_id, @body, @applied_body_hash, @source_file, @source_revision, @applied_at, @set_name)
        ON CONFLICT (user_id, task_id) DO UPDATE SET
            body = excluded.body, body_hash = excluded.body_hash, source_file = excluded.source_file,
            source_revision = excluded.source_revision, applied_at = excluded.applied_at, set_name = excluded.set_name;
        INSERT INTO accepted_bodies (body_hash, body) VALUES (@applied_body_hash, @body) ON CONFLICT (body_hash) DO NOTHING;

        """;

    public const string Forget = "DELETE FROM tasks WHERE user_id = @user_id AND task_id = @task_id;";

    public const string ReadAttempts = $"SELECT {StoreRows.AttemptColumns} FROM attempts ORDER BY at DESC, id DESC LIMIT @limit;";

    public const string ReadTaskAttempts = $"""
        SELECT {StoreRows.AttemptColumns} FROM attempts
        WHERE user_id = @user_id AND task_id = @task_id
        ORDER BY at DESC, id DESC LIMIT @limit;
        """;

    public const string InsertRun = $"""
        INSERT INTO runs ({StoreRows.RunColumns})
        VALUES (@started_at, @duration_ms, @revision, @trigger, @applied, @outcomes, @error, @pull_request, @merged_by, @approved_by);
        """;

    public const string ReadRuns = $"SELECT {StoreRows.RunColumns} FROM runs ORDER BY started_at DESC, id DESC LIMIT @limit;";

    public const string ReadInfo = "SELECT value FROM store_info WHERE key = @key;";

    public const string WriteInfo = "INSERT INTO store_info (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;\n";

    /// <summary>Every open intent closed: what was sent to another endpoint is no longer in doubt here, nor can it land here.</summary>
    private const string CloseOpenIntents = "UPDATE intents SET settled_at = @at, outcome = 'rebound', deadline_at = NULL WHERE settled_at IS NULL;\n";

    /// <summary>Re-binding to another endpoint: its records describe the old one, so they are forgotten (history is kept) and every open intent is closed.</summary>
    public const string ForgetForRebind = "DELETE FROM tasks;\n" + CloseOpenIntents;

    /// <summary>A store without records leaves a binding to another endpoint (it describes nothing there either).</summary>
    public const string Unbind = "DELETE FROM store_info WHERE key = 'endpoint';\n" + CloseOpenIntents;

    /// <summary>With a last-applied record: binds the store to the endpoint that answered, unless it is bound already.</summary>
    public const string BindIfUnbound = "INSERT INTO store_info (key, value) VALUES ('endpoint', @endpoint) ON CONFLICT (key) DO NOTHING;\n";

    /// <summary>Every row of every table, for <c>reconciler state migrate</c> (read in one snapshot by the caller).</summary>
    public const string ExportIntents = $"SELECT {StoreRows.IntentColumns}, settled_at, outcome FROM intents ORDER BY id;";

    public const string ExportAttempts = $"SELECT {StoreRows.AttemptColumns}, id, intent_id FROM attempts ORDER BY id;";

    public const string ExportRuns = $"SELECT {StoreRows.RunColumns}, id FROM runs ORDER BY id;";

    public const string ExportAcceptedBodies = "SELECT body_hash, body FROM accepted_bodies ORDER BY body_hash;";

    public const string ExportHolds = "SELECT id, kind, revision, held_at, halt, rolled_back_to, released_at, released_reason FROM revision_holds ORDER BY id;";

    /// <summary>The stored word of a hold's kind (<c>revision_holds.kind</c>).</summary>
    public static string HoldKindWord(RevisionHoldKind kind) => kind == RevisionHoldKind.Halted ? "halted" : "rolled_back";

    public const string ExportInfo = "SELECT key, value FROM store_info ORDER BY key;";

    public static void BindIntent(StoreParameters p, TaskIntent intent)
    {
        p.Time("at", intent.At).Text("revision", intent.Revision).Text("operation", intent.Operation).Text("body_hash", intent.BodyHash).Time("deadline_at", intent.Deadline);
        BindIdentity(p, intent.Identity);
    }

    public static void BindAttempt(StoreParameters p, ApplyAttempt attempt, long? intentId)
    {
        p.Time("at", attempt.At).Text("revision", attempt.Revision).Text("outcome", attempt.Outcome.ToWord()).Integer("api_code", attempt.ApiCode)
            .Text("message", attempt.Message).Long("duration_ms", Milliseconds(attempt.Duration)).Text("body_hash", attempt.BodyHash).Long("intent_id", intentId);
        BindIdentity(p, attempt.Identity);
    }

    public static void BindApplied(StoreParameters p, AppliedRecord record)
    {
        if (!p.Contains("user_id"))
        {
            BindIdentity(p, record.Identity);
        }

        p.Text("body", record.Body.Json).Text("applied_body_hash", record.Body.Hash).Text("source_file", record.SourceFile)
            .Text("source_revision", record.SourceRevision).Time("applied_at", record.AppliedAt).Text("set_name", record.SetName);
    }

    public static void BindRun(StoreParameters p, RunRecord run) =>
        p.Time("started_at", run.StartedAt).Long("duration_ms", Milliseconds(run.Duration)).Text("revision", run.Revision).Text("trigger", run.Trigger.ToWord())
            .Flag("applied", run.Applied).Text("outcomes", run.Outcomes.ToJson()).Text("error", run.Error)
            .Integer("pull_request", run.Audit?.PullRequest).Text("merged_by", run.Audit?.MergedBy)
            .Text("approved_by", run.Audit is { } audit ? string.Join(',', audit.ApprovedBy) : null);

    public static void BindIdentity(StoreParameters p, TaskIdentity identity) =>
        p.Text("user_id", identity.UserId).Text("task_id", identity.TaskId);

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);
}

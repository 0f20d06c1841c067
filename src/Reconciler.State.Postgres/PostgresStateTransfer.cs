using Npgsql;
using NpgsqlTypes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;
using Reconciler.State.Sql;

namespace Reconciler.State.Postgres;

/// <summary>
/// Every record in or out of a PostgreSQL store, ids kept (<c>reconciler state migrate</c>). The import runs under the
/// apply lock, in one transaction, with binary COPY, into a store that holds no records yet; then each identity
/// sequence is moved past the copied ids, so new rows never collide with migrated ones.
/// </summary>
public static class PostgresStateTransfer
{
    private static readonly string[] IdentityTables = ["intents", "attempts", "runs", "revision_holds"];

    /// <exception cref="StateStoreException">The target already holds records, is locked, or a write failed (nothing is kept then).</exception>
    public static async Task<StateCounts> ImportAsync(PostgresStateStore store, StateExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(export);
        await using var lease = await store.AcquireApplyLockAsync(cancellationToken);
        var existing = await CountAsync(store, cancellationToken);
        if (existing.Tasks + existing.Intents + existing.Attempts + existing.Runs + existing.AcceptedBodies + existing.Holds > 0 || existing.Info > 1)
        {
            throw new StateStoreException($"state store '{store.Display}' already holds records ({existing}): migrate only into a new, empty store");
        }

        await ((PostgresLease)lease).RunAsync("import every record", async (connection, transaction, token) =>
        {
            await CopyAsync(connection, "tasks (user_id, task_id, body, body_hash, source_file, source_revision, applied_at, set_name)", export.Tasks, async (w, t) =>
            {
                await Text(w, t.Identity.UserId, token); await Text(w, t.Identity.TaskId, token); await Text(w, t.Body.Json, token); await Text(w, t.Body.Hash, token);
                await Text(w, t.SourceFile, token); await Text(w, t.SourceRevision, token); await Time(w, t.AppliedAt, token); await Text(w, t.SetName, token);
            }, token);
            await CopyAsync(connection, "intents (id, at, revision, user_id, task_id, operation, body_hash, settled_at, outcome, deadline_at)", export.Intents, async (w, i) =>
            {
                await w.WriteAsync(i.Intent.Id, NpgsqlDbType.Bigint, token); await Time(w, i.Intent.At, token); await Text(w, i.Intent.Revision, token);
                await Text(w, i.Intent.Identity.UserId, token); await Text(w, i.Intent.Identity.TaskId, token); await Text(w, i.Intent.Operation, token);
                await Text(w, i.Intent.BodyHash, token); await Time(w, i.SettledAt, token); await Text(w, i.Outcome, token); await Time(w, i.Intent.Deadline, token);
            }, token);
            await CopyAsync(connection, "attempts (id, at, revision, user_id, task_id, outcome, api_code, message, duration_ms, body_hash, intent_id)", export.Attempts, async (w, a) =>
            {
                var attempt = a.Attempt;
                await w.WriteAsync(a.Id, NpgsqlDbType.Bigint, token); await Time(w, attempt.At, token); await Text(w, attempt.Revision, token);
                await Text(w, attempt.Identity.UserId, token); await Text(w, attempt.Identity.TaskId, token); await Text(w, attempt.Outcome.ToWord(), token);
                await Nullable(w, attempt.ApiCode, NpgsqlDbType.Integer, token); await Text(w, attempt.Message, token);
                await w.WriteAsync(StoreStatements.Milliseconds(attempt.Duration), NpgsqlDbType.Bigint, token); await Text(w, attempt.BodyHash, token);
                await Nullable(w, a.IntentId, NpgsqlDbType.Bigint, token);
            }, token);
            await CopyAsync(connection, "runs (id, started_at, duration_ms, revision, \"trigger\", applied, outcomes, error, pull_request, merged_by, approved_by)", export.Runs, async (w, r) =>
            {
                var run = r.Run;
                await w.WriteAsync(r.Id, NpgsqlDbType.Bigint, token); await Time(w, run.StartedAt, token);
                await w.WriteAsync(StoreStatements.Milliseconds(run.Duration), NpgsqlDbType.Bigint, token); await Text(w, run.Revision, token);
                await Text(w, run.Trigger.ToWord(), token); await w.WriteAsync(run.Applied, NpgsqlDbType.Boolean, token);
                await Text(w, run.Outcomes.ToJson(), token); await Text(w, run.Error, token);
                await Nullable(w, run.Audit?.PullRequest, NpgsqlDbType.Integer, token); await Text(w, run.Audit?.MergedBy, token);
                await Text(w, run.Audit is { } audit ? string.Join(',', audit.ApprovedBy) : null, token);
            }, token);
            await CopyAsync(connection, "accepted_bodies (body_hash, body)", export.AcceptedBodies, async (w, b) =>
            {
                await Text(w, b.BodyHash, token); await Text(w, b.Body, token);
            }, token);

            // COPY writes the ids given, as INSERT … OVERRIDING SYSTEM VALUE would, though the column is GENERATED ALWAYS.
            await CopyAsync(connection, "revision_holds (id, kind, revision, held_at, halt, rolled_back_to, released_at, released_reason)", export.Holds, async (w, h) =>
            {
                var hold = h.Hold;
                await w.WriteAsync(hold.Id, NpgsqlDbType.Bigint, token); await Text(w, StoreStatements.HoldKindWord(hold.Kind), token);
                await Text(w, hold.Revision, token); await Time(w, hold.At, token);
                await Text(w, hold.Halt is null ? null : System.Text.Json.JsonSerializer.Serialize(hold.Halt), token); await Text(w, hold.RolledBackTo, token);
                await Time(w, h.ReleasedAt, token); await Text(w, h.ReleasedReason, token);
            }, token);
            foreach (var (key, value) in export.Info)
            {
                await PostgresDatabase.ScalarAsync(connection, transaction, StoreStatements.WriteInfo, p => p.Text("key", key).Text("value", value), token);
            }

            foreach (var table in IdentityTables)
            {
                await PostgresDatabase.ScalarAsync(connection, transaction, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table});", _ => { }, token);
            }

            return true;
        }, cancellationToken);
        return await CountAsync(store, cancellationToken);
    }

    /// <summary>Every record, read in one repeatable-read snapshot.</summary>
    public static Task<StateExport> ExportAsync(PostgresStateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ExportAsync(cancellationToken);
    }

    public static async Task<StateCounts> CountAsync(PostgresStateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = await store.Database.ReadAsync("count its records", PostgresStatements.Counts, _ => { }, r =>
            new StateCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4), (int)r.GetInt64(5), (int)r.GetInt64(6)), cancellationToken);
        return counts[0];
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Time(NpgsqlBinaryImporter writer, DateTimeOffset? value, CancellationToken cancellationToken) =>
        value is { } time ? writer.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static Task Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? writer.WriteAsync(present, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}

using Npgsql;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>Reads one row of each table back into the core's records (column order as in the SELECTs).</summary>
internal static class PostgresRows
{
    public const string AppliedColumns = "user_id, task_id, body, body_hash, source_file, source_revision, applied_at";

    public const string AttemptColumns = "at, revision, user_id, task_id, outcome, api_code, message, duration_ms, body_hash";

    public const string IntentColumns = "id, at, revision, user_id, task_id, operation, body_hash";

    public const string RunColumns = "started_at, duration_ms, revision, \"trigger\", applied, outcomes, error";

    public static AppliedRecord Applied(NpgsqlDataReader row) => new(
        new TaskIdentity(row.GetString(0), row.GetString(1)),
        new CanonicalBody(row.GetString(2), row.GetString(3)),
        row.GetString(4),
        Text(row, 5),
        Time(row, 6));

    public static ApplyAttempt Attempt(NpgsqlDataReader row) => new(
        Time(row, 0),
        Text(row, 1),
        new TaskIdentity(row.GetString(2), row.GetString(3)),
        ApplyOutcomeWords.Parse(row.GetString(4)),
        row.IsDBNull(5) ? null : row.GetInt32(5),
        Text(row, 6),
        TimeSpan.FromMilliseconds(row.GetInt64(7)),
        Text(row, 8));

    public static RunRecord Run(NpgsqlDataReader row) => new(
        Time(row, 0),
        TimeSpan.FromMilliseconds(row.GetInt64(1)),
        Text(row, 2),
        row.GetString(3),
        row.GetBoolean(4),
        RunOutcomes.FromJson(row.GetString(5)),
        Text(row, 6));

    public static TaskIntent Intent(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        new TaskIdentity(row.GetString(3), row.GetString(4)),
        row.GetString(5),
        Text(row, 6),
        Text(row, 2),
        Time(row, 1));

    public static LeaderRecord Leader(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetInt32(3),
        row.GetInt32(4),
        Time(row, 5),
        row.GetBoolean(6));

    public static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static DateTimeOffset Time(NpgsqlDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);
}

using Microsoft.Data.Sqlite;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.State;

namespace Reconciler.State;

/// <summary>Reads one row of each table back into the core's records (column order as in the SELECTs of the store).</summary>
internal static class StateRows
{
    public const string AppliedColumns = "user_id, task_id, body, body_hash, source_file, source_revision, applied_at";

    public const string AttemptColumns =
        "at, revision, user_id, task_id, outcome, api_code, message, duration_ms, body_hash";

    public const string IntentColumns = "id, at, revision, user_id, task_id, operation, body_hash";

    public const string RunColumns = "started_at, duration_ms, revision, \"trigger\", applied, outcomes, error";

    public static AppliedRecord Applied(SqliteDataReader row) => new(
        new TaskIdentity(row.GetString(0), row.GetString(1)),

        // The stored text is the canonical body byte for byte; it is not re-parsed, so nothing
        // (a 2^53+ id, a Chinese name) can change on the way back.
        new CanonicalBody(row.GetString(2), row.GetString(3)),
        row.GetString(4),
        NullableString(row, 5),
        StateText.ParseTimestamp(row.GetString(6)));

    public static ApplyAttempt Attempt(SqliteDataReader row) => new(
        StateText.ParseTimestamp(row.GetString(0)),
        NullableString(row, 1),
        new TaskIdentity(row.GetString(2), row.GetString(3)),
        ApplyOutcomeWords.Parse(row.GetString(4)),
        row.IsDBNull(5) ? null : row.GetInt32(5),
        NullableString(row, 6),
        TimeSpan.FromMilliseconds(row.GetInt64(7)),
        NullableString(row, 8));

    public static RunRecord Run(SqliteDataReader row) => new(
        StateText.ParseTimestamp(row.GetString(0)),
        TimeSpan.FromMilliseconds(row.GetInt64(1)),
        NullableString(row, 2),
        row.GetString(3),
        row.GetInt64(4) != 0,
        Core.Reconciling.RunOutcomes.FromJson(row.GetString(5)),
        NullableString(row, 6));

    public static TaskIntent Intent(SqliteDataReader row) => new(
        row.GetInt64(0),
        new TaskIdentity(row.GetString(3), row.GetString(4)),
        row.GetString(5),
        NullableString(row, 6),
        NullableString(row, 2),
        StateText.ParseTimestamp(row.GetString(1)));

    private static string? NullableString(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}

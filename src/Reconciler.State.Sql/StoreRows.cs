using System.Data.Common;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;

namespace Reconciler.State.Sql;

/// <summary>Reads one row of each table back into the core's records (column order as in the column lists).</summary>
internal sealed class StoreRows(SqlDialect dialect)
{
    public const string AppliedColumns = "user_id, task_id, body, body_hash, source_file, source_revision, applied_at, set_name";

    public const string AttemptColumns = "at, revision, user_id, task_id, outcome, api_code, message, duration_ms, body_hash";

    public const string IntentColumns = "id, at, revision, user_id, task_id, operation, body_hash, deadline_at";

    public const string RunColumns = "started_at, duration_ms, revision, \"trigger\", applied, outcomes, error, pull_request, merged_by, approved_by";

    public AppliedRecord Applied(DbDataReader row) => new(
        new TaskIdentity(row.GetString(0), row.GetString(1)),

        // The stored text is the canonical body byte for byte; it is not re-parsed, so nothing
        // (a 2^53+ id, a Chinese name) can change on the way back.
        new CanonicalBody(row.GetString(2), row.GetString(3)),
        row.GetString(4),
        Text(row, 5),
        dialect.ReadTime(row, 6))
    {
        SetName = Text(row, 7),
    };

    public ApplyAttempt Attempt(DbDataReader row) => new(
        dialect.ReadTime(row, 0),
        Text(row, 1),
        new TaskIdentity(row.GetString(2), row.GetString(3)),
        ApplyOutcomeWords.Parse(row.GetString(4)),
        row.IsDBNull(5) ? null : row.GetInt32(5),
        Text(row, 6),
        TimeSpan.FromMilliseconds(row.GetInt64(7)),
        Text(row, 8));

    public RunRecord Run(DbDataReader row) => new(
        dialect.ReadTime(row, 0),
        TimeSpan.FromMilliseconds(row.GetInt64(1)),
        Text(row, 2),
        RunTriggerWords.Parse(row.GetString(3)),
        dialect.ReadFlag(row, 4),
        RunOutcomes.FromJson(row.GetString(5)),
        Text(row, 6))
    {
        Audit = Audit(row, 7),
    };

    /// <summary>A run's audit columns (pull request, merged by, approved by), or null when none was recorded.</summary>
    private static RunAudit? Audit(DbDataReader row, int first)
    {
        var approvedBy = Text(row, first + 2);
        if (approvedBy is null)
        {
            return null;
        }

        var pullRequest = row.IsDBNull(first) ? (int?)null : Convert.ToInt32(row.GetValue(first), System.Globalization.CultureInfo.InvariantCulture);
        return new RunAudit(pullRequest, Text(row, first + 1), approvedBy.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    public TaskIntent Intent(DbDataReader row) => new(
        row.GetInt64(0),
        new TaskIdentity(row.GetString(3), row.GetString(4)),
        row.GetString(5),
        Text(row, 6),
        Text(row, 2),
        dialect.ReadTime(row, 1))
    {
        Deadline = Time(row, 7),
    };

    /// <summary>An intent with how it was settled (<see cref="IntentColumns"/>, then <c>settled_at, outcome</c>).</summary>
    public ExportedIntent ExportedIntent(DbDataReader row) => new(Intent(row), Time(row, 8), Text(row, 9));

    /// <summary>A row of <see cref="StoreStatements.LoadOpenRequests"/>.</summary>
    public OpenRequest OpenRequest(DbDataReader row) => new(
        new TaskIdentity(row.GetString(0), row.GetString(1)), Text(row, 2), dialect.ReadTime(row, 3), dialect.ReadTime(row, 4));

    /// <summary>An attempt with its ids (<see cref="AttemptColumns"/>, then <c>id, intent_id</c>).</summary>
    public ExportedAttempt ExportedAttempt(DbDataReader row) => new(row.GetInt64(9), Attempt(row), row.IsDBNull(10) ? null : row.GetInt64(10));

    /// <summary>A run with its id (<see cref="RunColumns"/>, then <c>id</c>).</summary>
    public ExportedRun ExportedRun(DbDataReader row) => new(row.GetInt64(10), Run(row));

    public static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private DateTimeOffset? Time(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : dialect.ReadTime(row, ordinal);
}

using System.Text.Json;
using Reconciler.Core.Json;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>How values are spelled in the tables: the same words and JSON as the SQLite file, so a migrated row reads the same.</summary>
internal static class PostgresText
{
    public static string Outcome(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => "applied",
        ApplyOutcome.Blocked => "blocked",
        ApplyOutcome.Rejected => "rejected",
        ApplyOutcome.Failed => "failed",
        ApplyOutcome.Unauthorized => "unauthorized",
        ApplyOutcome.Stopped => "stopped",
        ApplyOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown apply outcome"),
    };

    public static ApplyOutcome ParseOutcome(string text) => text switch
    {
        "applied" => ApplyOutcome.Applied,
        "blocked" => ApplyOutcome.Blocked,
        "rejected" => ApplyOutcome.Rejected,
        "failed" => ApplyOutcome.Failed,
        "unauthorized" => ApplyOutcome.Unauthorized,
        "stopped" => ApplyOutcome.Stopped,
        "cancelled" => ApplyOutcome.Cancelled,
        _ => throw new FormatException($"unknown apply outcome '{text}' in the attempt history"),
    };

    /// <summary>Run outcome counts as compact JSON with keys in ordinal order (as the SQLite store writes them).</summary>
    public static string OutcomeCounts(IReadOnlyDictionary<string, int> counts) =>
        JsonSerializer.Serialize(new SortedDictionary<string, int>(counts.ToDictionary(), StringComparer.Ordinal), CanonicalJson.Compact);

    public static IReadOnlyDictionary<string, int> ParseOutcomeCounts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json, CanonicalJson.Compact) ?? new Dictionary<string, int>();

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    /// <summary>timestamptz keeps microseconds; the offset is always UTC on the way in and out.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();
}

using System.Globalization;
using System.Text.Json;
using Reconciler.Core.Json;
using Reconciler.Core.State;

namespace Reconciler.State;

/// <summary>
/// How values are spelled in the state file. Everything is text a person can read with the
/// <c>sqlite3</c> shell, and names are spelled out so that reordering an enum never changes what a
/// stored row means.
/// </summary>
internal static class StateText
{
    // Fixed width with a 'Z': lexical order equals time order, so ORDER BY on the text is correct.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(
            text,
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Whole seconds, for messages meant for people (the lock holder's start time).</summary>
    public static string TimestampSeconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

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

    /// <summary>Run outcome counts as compact JSON with keys in ordinal order (stable text for equal maps).</summary>
    public static string OutcomeCounts(IReadOnlyDictionary<string, int> counts)
    {
        var sorted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in counts)
        {
            sorted[name] = count;
        }

        return JsonSerializer.Serialize(sorted, CanonicalJson.Compact);
    }

    public static IReadOnlyDictionary<string, int> ParseOutcomeCounts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json, CanonicalJson.Compact)
        ?? new Dictionary<string, int>();
}

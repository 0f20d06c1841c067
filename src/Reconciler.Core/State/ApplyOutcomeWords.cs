namespace Reconciler.Core.State;

/// <summary>
/// How an outcome is spelled wherever it is stored (both state stores) and shown: a fixed lower-case word, so
/// reordering the enum never changes what a stored row means.
/// </summary>
public static class ApplyOutcomeWords
{
    public static string ToWord(this ApplyOutcome outcome) => outcome switch
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

    /// <exception cref="FormatException">Not an outcome word.</exception>
    public static ApplyOutcome Parse(string word) => word switch
    {
        "applied" => ApplyOutcome.Applied,
        "blocked" => ApplyOutcome.Blocked,
        "rejected" => ApplyOutcome.Rejected,
        "failed" => ApplyOutcome.Failed,
        "unauthorized" => ApplyOutcome.Unauthorized,
        "stopped" => ApplyOutcome.Stopped,
        "cancelled" => ApplyOutcome.Cancelled,
        _ => throw new FormatException($"unknown apply outcome '{word}' in the attempt history"),
    };
}

namespace Reconciler.Core.Reconciling;

/// <summary>How a trigger is spelled wherever it is stored (both state stores) and shown: a fixed lower-case word.</summary>
public static class RunTriggerWords
{
    private static readonly Dictionary<string, RunTrigger> ByWord =
        Enum.GetValues<RunTrigger>().ToDictionary(ToWord, t => t, StringComparer.Ordinal);

    public static string ToWord(this RunTrigger trigger) => trigger switch
    {
        RunTrigger.Cli => "cli",
        RunTrigger.Poll => "poll",
        RunTrigger.Webhook => "webhook",
        RunTrigger.Sync => "sync",
        RunTrigger.Takeover => "takeover",
        RunTrigger.Resync => "resync",
        RunTrigger.Retry => "retry",
        RunTrigger.Window => "window",
        RunTrigger.Refresh => "refresh",
        RunTrigger.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown run trigger"),
    };

    /// <exception cref="FormatException">Not a trigger word.</exception>
    public static RunTrigger Parse(string word) =>
        ByWord.TryGetValue(word, out var trigger) ? trigger : throw new FormatException($"unknown run trigger '{word}' in the run history");
}

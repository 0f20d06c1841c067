namespace Reconciler.Core.Tasks;

/// <summary>
/// The one word table of <see cref="TaskState"/>: each state's word (JSON, <c>/status</c>, metrics labels), whether it
/// needs a person, where it ranks when problems are listed first, and what happens next, in one plain phrase.
/// Readers never spell a state themselves: they read the word, or the fact, from here.
/// </summary>
public static class TaskStateWords
{
    private static readonly Dictionary<string, TaskState> ByWord =
        Enum.GetValues<TaskState>().ToDictionary(ToWord, s => s, StringComparer.Ordinal);

    /// <summary>Every state, in declaration order.</summary>
    public static IReadOnlyList<TaskState> All { get; } = Enum.GetValues<TaskState>();

    public static string ToWord(this TaskState state) => Row(state).Word;

    /// <summary>False for the states that need nobody: in sync, applied, suspended, unmanaged.</summary>
    public static bool NeedsAttention(this TaskState state) => Row(state).Attention;

    /// <summary>Problems first: blocked, then refusals and failures, invalid, drift, waiting, and last the tasks that are fine.</summary>
    public static int Rank(this TaskState state) => Row(state).Rank;

    /// <summary>What happens next, for people (e.g. rejected: "changes to the manifest will retry it").</summary>
    public static string Next(this TaskState state) => Row(state).Next;

    /// <exception cref="FormatException">Not a task state word.</exception>
    public static TaskState Parse(string word) =>
        ByWord.TryGetValue(word, out var state) ? state : throw new FormatException($"unknown task state '{word}'");

    private static (string Word, bool Attention, int Rank, string Next) Row(TaskState state) => state switch
    {
        TaskState.Blocked => ("blocked", true, 0, "retried automatically (the task is running)"),
        TaskState.Failed => ("failed", true, 1, "retried automatically"),
        TaskState.Rejected => ("rejected", true, 1, "changes to the manifest will retry it"),
        TaskState.Unauthorized => ("unauthorized", true, 1, "check the account's token; retried automatically"),
        TaskState.Invalid => ("invalid", true, 2, "fix the manifest"),
        TaskState.PolicyBlocked => ("policy_blocked", true, 3, "held by the repository's policy (.reconciler/policy.yaml): get the owners' approval or stay within its limits"),
        TaskState.Drifted => ("drifted", true, 4, "changed on the platform; reported, not corrected"),
        TaskState.Fighting => ("fighting", true, 4, "held back while someone keeps changing it on the platform"),
        TaskState.HeldBack => ("held_back", true, 6, "retried at its retry time"),
        TaskState.InFlight => ("in_flight", true, 6, "sent once an earlier request's deadline has passed"),
        TaskState.SlowAnswer => ("slow_answer", true, 6, "the platform answered too slowly; tried again at its retry time"),
        TaskState.Cancelled => ("cancelled", true, 7, "sent on the next run"),
        TaskState.Pending => ("pending", true, 7, "sent on the next run"),
        TaskState.PendingWindow => ("pending_window", true, 8, "sent when the sync window opens"),
        TaskState.Applied => ("applied", false, 9, ""),
        TaskState.InSync => ("in_sync", false, 10, ""),
        TaskState.Unmanaged => ("unmanaged", false, 11, ""),
        TaskState.Suspended => ("suspended", false, 12, ""),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown task state"),
    };
}

using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Tasks;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// How many tasks of one run ended how, by their <see cref="TaskState"/>: the apply outcomes, the plan actions left
/// alone, and the changes deferred (held back: by backoff, an earlier request's deadline or a slow answer; waiting for the sync window). The same counts for the CLI and the service,
/// the state store, <c>/status</c>, <c>/metrics</c> and the log line.
/// </summary>
public sealed record RunOutcomes(
    int Applied = 0,
    int Blocked = 0,
    int Rejected = 0,
    int Failed = 0,
    int Unauthorized = 0,
    int Cancelled = 0,
    int Unchanged = 0,
    int Invalid = 0,
    int Suspended = 0,
    int Unmanaged = 0,
    int HeldBack = 0,
    int PendingWindow = 0,
    int PolicyBlocked = 0)
{
    public static readonly RunOutcomes None = new();

    /// <summary>The words used in the stored JSON and in <c>/status</c>, in a fixed order.</summary>
    public static readonly IReadOnlyList<string> Words =
        ["applied", "blocked", "rejected", "failed", "unauthorized", "cancelled", "unchanged", "invalid", "suspended", "unmanaged", "held_back", "pending_window", "policy_blocked"];

    /// <summary>
    /// Counts the tasks of <paramref name="plan"/> by their state (<see cref="TaskStandings.StateOf"/>), so the counts
    /// never disagree with <c>/status</c>: a body rejected earlier and unchanged since counts as rejected, not held back.
    /// </summary>
    /// <param name="report">Null when nothing was applied (a plan-only run, or every change deferred).</param>
    public static RunOutcomes Count(Plan plan, ApplyReport? report)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = TaskStandings.ResultsByTask(report);
        var states = plan.Entries
            .Select(e => TaskStandings.StateOf(e, results.GetValueOrDefault(e.Identity)))
            .Concat(plan.UnidentifiedDocuments.Select(_ => TaskState.Invalid))
            .GroupBy(s => s)
            .ToDictionary(g => g.Key, g => g.Count());
        int Of(TaskState state) => states.GetValueOrDefault(state);
        return new RunOutcomes(
            Of(TaskState.Applied),
            Of(TaskState.Blocked),
            Of(TaskState.Rejected),
            Of(TaskState.Failed),
            Of(TaskState.Unauthorized),
            Of(TaskState.Cancelled),
            Of(TaskState.InSync),
            Of(TaskState.Invalid),
            Of(TaskState.Suspended),
            report?.Unmanaged ?? 0,
            // Waiting for a known time: a backoff, an earlier request's deadline, a task that did not answer in time.
            Of(TaskState.HeldBack) + Of(TaskState.InFlight) + Of(TaskState.SlowAnswer),
            Of(TaskState.PendingWindow),
            Of(TaskState.PolicyBlocked));
    }

    /// <summary>The task state a count is of: each word is its state's word, except <c>unchanged</c> (<see cref="TaskState.InSync"/>).</summary>
    /// <exception cref="FormatException">Not one of <see cref="Words"/>.</exception>
    public static TaskState StateOf(string word) => word == "unchanged" ? TaskState.InSync : TaskStateWords.Parse(word);

    public int this[string word] => word switch
    {
        "applied" => Applied,
        "blocked" => Blocked,
        "rejected" => Rejected,
        "failed" => Failed,
        "unauthorized" => Unauthorized,
        "cancelled" => Cancelled,
        "unchanged" => Unchanged,
        "invalid" => Invalid,
        "suspended" => Suspended,
        "unmanaged" => Unmanaged,
        "held_back" => HeldBack,
        "pending_window" => PendingWindow,
        "policy_blocked" => PolicyBlocked,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "not a run outcome"),
    };

    /// <summary>The stored form: every word with its count.</summary>
    public IReadOnlyDictionary<string, int> ToDictionary() => Words.ToDictionary(w => w, w => this[w], StringComparer.Ordinal);

    /// <summary>The stored text: compact JSON with the words in ordinal order (equal counts, equal text), as both state stores keep it.</summary>
    public string ToJson() =>
        System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, int>(ToDictionary().ToDictionary(), StringComparer.Ordinal), Json.CanonicalJson.Compact);

    /// <summary>Reads <see cref="ToJson"/> back (words it does not know are ignored).</summary>
    public static RunOutcomes FromJson(string json) =>
        FromDictionary(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json.CanonicalJson.Compact) ?? []);

    /// <summary>Reads the stored form back; words it does not know (from a newer version) are ignored, missing ones are 0.</summary>
    public static RunOutcomes FromDictionary(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int Get(string word) => counts.GetValueOrDefault(word);
        return new RunOutcomes(
            Get("applied"), Get("blocked"), Get("rejected"), Get("failed"), Get("unauthorized"), Get("cancelled"),
            Get("unchanged"), Get("invalid"), Get("suspended"), Get("unmanaged"), Get("held_back"), Get("pending_window"), Get("policy_blocked"));
    }
}

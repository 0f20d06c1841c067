using Reconciler.Core.Tasks;

namespace Reconciler.Service.Status;

/// <summary>
/// What <c>/status</c> returns: the one versioned contract between the service and its readers (<c>reconciler status</c>
/// and <c>sync</c> deserialise it with <see cref="StatusJson"/>; the status page reads the same JSON). Fields may be
/// added within a version; a change that readers cannot ignore raises <see cref="ContractVersion"/>. Immutable: the
/// service swaps in a new one after each change.
/// </summary>
/// <param name="WatchedRevision">The commit the watched branch pointed at on the last successful fetch.</param>
/// <param name="LastSuccessfulRevision">The revision of the last run that completed without error.</param>
/// <param name="StateError">Set while the state store cannot be read or written: nothing is sent and <c>/readyz</c> answers 503.</param>
public sealed record StatusSnapshot(
    string Repository,
    string Branch,
    string Path,
    bool Ready,
    string? WatchedRevision,
    DateTimeOffset? LastFetchAt,
    string? LastFetchError,
    int ConsecutiveFetchFailures,
    string? LastSuccessfulRevision,
    string? StateError,
    RunStatusView? LastRun,
    SyncWindowStatusView? SyncWindow,
    IReadOnlyList<TaskStanding> Tasks,
    IReadOnlyList<PullRequestStatusView> PullRequests)
{
    /// <summary>The contract version this service writes and this CLI reads.</summary>
    public const int ContractVersion = 1;

    /// <summary>The contract version of this answer (<see cref="ContractVersion"/>).</summary>
    [System.Text.Json.Serialization.JsonRequired]
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int Version { get; init; }

    /// <summary>With a shared (PostgreSQL) state: this replica, its role and who leads; absent with an SQLite state.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ReplicaStatusView? Replica { get; init; }

    /// <summary>The revision held back (a halted staged rollout, a rollback); absent while nothing is held.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public HoldStatusView? Hold { get; init; }

    /// <summary>How fresh the live reads (drift checks) are: the refresh trickle's summary; absent before the first plan or with refresh off.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Refresh.RefreshSummary? Refresh { get; init; }

    /// <summary>The last runs, newest first (at most <see cref="ServiceStatus.RecentRunCount"/>); <see cref="LastRun"/> is the first.</summary>
    public IReadOnlyList<RunStatusView> RecentRuns { get; init; } = [];
}

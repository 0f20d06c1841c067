namespace Reconciler.Service.Replicas;

/// <summary>
/// Which replica may apply. With an SQLite state there is none of this (the service holds the file's lock for its
/// whole life); with a shared PostgreSQL state the replicas elect one leader (<see cref="ReplicaLeadership"/>), which
/// wakes the loop with a <see cref="Core.Reconciling.RunTrigger.Takeover"/> when it begins a term.
/// </summary>
public interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>
    /// Called by the loop before a leader's pass: true exactly once per new term, after the term's setup (the store
    /// bound to the endpoint), so the loop re-reads the shared history and reconciles at once; false otherwise.
    /// </summary>
    Task<bool> BeginTermAsync(CancellationToken cancellationToken);

    /// <summary>A follower's pass: read the shared state into /status (and fetch, so /status shows the watched revision).</summary>
    Task FollowAsync(CancellationToken cancellationToken);
}

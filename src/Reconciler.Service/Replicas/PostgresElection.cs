using Reconciler.Service.Status;
using Reconciler.State.Postgres;

namespace Reconciler.Service.Replicas;

/// <summary>
/// <see cref="ILeaderElection"/> over a PostgreSQL state: the apply lock is an advisory lock whose session fences
/// every write of its term (<see cref="PostgresStateStore.ClaimAsync"/>); the terms are recorded in the schema.
/// </summary>
public sealed class PostgresElection(PostgresStateStore store) : ILeaderElection
{
    private readonly ReplicaIdentity _self = ReplicaIdentity.Current();

    public string Replica => _self.Name;

    public string Display => store.Display;

    public async Task<ILeaderTerm?> ClaimAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        await store.ClaimAsync(_self, wait, cancellationToken) is { } lease ? new LeaseTerm(lease) : null;

    public async Task<LeaderStatusView?> ReadLeaderAsync(CancellationToken cancellationToken) =>
        View(await store.ReadLeaderAsync(cancellationToken));

    private static LeaderStatusView? View(LeaderRecord? leader) =>
        leader is null ? null : new LeaderStatusView(leader.Replica, leader.Host, leader.ProcessId, leader.Term, leader.AcquiredAt, leader.Held);

    private sealed class LeaseTerm(PostgresLease lease) : ILeaderTerm
    {
        public long Term => lease.Term;

        public LeaderStatusView Leader => View(lease.Leader)!;

        public bool IsHeld => lease.IsHeld;

        public string? EndReason => lease.EndReason;

        public Task Ended => lease.Ended;

        public Task<bool> CheckAsync(CancellationToken cancellationToken) => lease.CheckAsync(cancellationToken);

        public ValueTask DisposeAsync() => lease.DisposeAsync();
    }
}

using Reconciler.Service.Status;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>Who leads, as /status shows it: a follower's read of the shared state never overwrites a term this replica holds.</summary>
public sealed class ServiceStatusReplicaTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LeaderObserved_AfterThisReplicaBecameTheLeader_KeepsItsOwnTerm()
    {
        var status = new ServiceStatus("repo", "main", "", null);
        var self = new LeaderStatusView("vm:1", "vm", 1, 7, At, Held: true);
        status.ReplicaChanged(new ReplicaStatusView("vm:1", ReplicaRole.Leader, 7, self));

        status.LeaderObserved(null); // a follower's read that began before the term did

        Assert.Equal(self, status.Current.Replica!.Leader);
    }

    [Fact]
    public void LeaderObserved_OnAFollower_ShowsTheLeaderTheSharedStateNames()
    {
        var status = new ServiceStatus("repo", "main", "", null);
        var other = new LeaderStatusView("vm:2", "vm", 2, 8, At, Held: true);
        status.ReplicaChanged(new ReplicaStatusView("vm:1", ReplicaRole.Follower, null, null));

        status.LeaderObserved(other);

        Assert.Equal(other, status.Current.Replica!.Leader);
        Assert.Equal(StatusSnapshot.ContractVersion, status.Current.Version);
    }
}

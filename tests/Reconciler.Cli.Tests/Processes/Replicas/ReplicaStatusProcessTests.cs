using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Postgres;

namespace Reconciler.Cli.Tests.Processes.Replicas;

/// <summary>
/// <c>reconciler status</c> and <c>sync</c> as real processes against replicas sharing one PostgreSQL state: asked on
/// the leader or on a follower, status names the replica it asked, its role, and who leads (the contract's
/// <c>replica.leader</c>); a sync goes to the leader (a follower refuses it and says who leads).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReplicaStatusProcessTests
{
    [PostgresFact]
    public async Task Status_OnTheLeaderAndOnAFollower_NamesTheLeader()
    {
        await using var cluster = await ReplicaCluster.StartAsync();
        cluster.CommitTasks(2);
        cluster.Start("a", Sync);
        await ReplicaCluster.WaitUntilAsync(async () => await cluster.RoleAsync("a") == "leader", "replica a leads");
        cluster.Start("b", Sync);
        await ReplicaCluster.WaitUntilAsync(() => cluster.ConvergedAsync("v1"), "the tasks applied");
        var leader = (await cluster.StatusAsync("a"))!.Value.GetProperty("replica").GetProperty("name").GetString()!;

        // A follower names the leader once it has read the shared state that records it (its next follow pass).
        await ReplicaCluster.WaitUntilAsync(async () => await LeaderSeenByAsync(cluster, "b") == leader, "replica b knows who leads");
        await ReplicaCluster.WaitUntilAsync(async () => await cluster.StatusAsync("b") is { } b && b.GetProperty("replica").GetProperty("leader").ValueKind == System.Text.Json.JsonValueKind.Object, "follower b has read who leads");
        var follower = (await cluster.StatusAsync("b"))!.Value.GetProperty("replica").GetProperty("name").GetString()!;

        var onLeader = await StatusAsync(cluster, "a");
        var onFollower = await StatusAsync(cluster, "b");

        Assert.True(onLeader.ExitCode == 0, onLeader.ToString());
        Assert.True(onFollower.ExitCode == 0, onFollower.ToString());
        Assert.Contains($"Replica:  {leader}, leader (term 1)", onLeader.Out, StringComparison.Ordinal);
        Assert.Contains($"Replica:  {follower}, follower", onFollower.Out, StringComparison.Ordinal);
        foreach (var output in new[] { onLeader.Out, onFollower.Out })
        {
            var line = output.Split('\n').Single(l => l.StartsWith("Leader:", StringComparison.Ordinal));
            Assert.StartsWith($"Leader:   {leader} on ", line, StringComparison.Ordinal);
            Assert.Contains("term 1", line, StringComparison.Ordinal);
            Assert.DoesNotContain("lock is lost", line, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task Sync_OnAFollower_IsRefusedNamingTheLeader_AndOnTheLeaderWaitsForItsRun()
    {
        await using var cluster = await ReplicaCluster.StartAsync();
        cluster.CommitTasks(2);
        cluster.Start("a", Sync);
        await ReplicaCluster.WaitUntilAsync(async () => await cluster.RoleAsync("a") == "leader", "replica a leads");
        cluster.Start("b", Sync);
        await ReplicaCluster.WaitUntilAsync(() => cluster.ConvergedAsync("v1"), "the tasks applied");
        await ReplicaCluster.WaitUntilAsync(async () => await cluster.RoleAsync("b") == "follower", "replica b follows");
        var leader = (await cluster.StatusAsync("a"))!.Value.GetProperty("replica").GetProperty("name").GetString()!;

        var onFollower = await ReconcilerProcess.RunAsync(Path.GetTempPath(), Sync, "sync", "--server", cluster.Address("b").ToString(), "--wait", "--timeout", "30");
        var onLeader = await ReconcilerProcess.RunAsync(Path.GetTempPath(), Sync, "sync", "--server", cluster.Address("a").ToString(), "--wait", "--timeout", "60");

        Assert.True(onFollower.ExitCode == 1, onFollower.ToString());
        Assert.Contains("follower replica", onFollower.Error, StringComparison.Ordinal);
        Assert.Contains(leader, onFollower.Error, StringComparison.Ordinal);
        Assert.True(onLeader.ExitCode == 0, onLeader.ToString());
        Assert.Contains("Run (sync) at", onLeader.Out, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Sync = new() { [Reconciler.Service.Configuration.ServiceSettings.SyncTokenVariable] = "sync-token-replicas-0f1e2d3c" };

    private static async Task<string?> LeaderSeenByAsync(ReplicaCluster cluster, string name) =>
        await cluster.StatusAsync(name) is { } status
        && status.GetProperty("replica").TryGetProperty("leader", out var leader)
        && leader.ValueKind == System.Text.Json.JsonValueKind.Object
            ? leader.GetProperty("replica").GetString()
            : null;

    private static Task<CliResult> StatusAsync(ReplicaCluster cluster, string name) =>
        ReconcilerProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string>(), "status", "--server", cluster.Address(name).ToString());
}

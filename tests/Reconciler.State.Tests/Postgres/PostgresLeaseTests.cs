using Reconciler.Core.State;
using Reconciler.State.Postgres;
using Reconciler.State.Tests.Contract;
using Reconciler.Testing.Postgres;

namespace Reconciler.State.Tests.Postgres;

/// <summary>The apply lock as leadership: one holder, terms, and every write fenced by the holder's own session.</summary>
public sealed class PostgresLeaseTests : IAsyncLifetime
{
    private PostgresBacking Backing { get; } = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private static TaskIntent Intent(string hash = "h") => new(0, StateSamples.Identity, TaskIntent.Update, hash, "rev", StateSamples.At);

    [PostgresFact]
    public async Task Claim_TwoReplicas_OneLeadsAndTheOtherWaitsThenTakesOverWithTheNextTerm()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var leading = Own(await first.ClaimAsync(new ReplicaIdentity("a", "host-a", 1), TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.NotNull(leading);

        Assert.Null(await second.ClaimAsync(new ReplicaIdentity("b", "host-b", 2), TimeSpan.FromMilliseconds(200), CancellationToken.None));
        var waiting = second.ClaimAsync(new ReplicaIdentity("b", "host-b", 2), TimeSpan.FromSeconds(30), CancellationToken.None);
        await leading!.DisposeAsync();
        var next = Own(await waiting);

        Assert.NotNull(next);
        Assert.Equal(leading.Term + 1, next!.Term);
        var leader = await first.ReadLeaderAsync(CancellationToken.None);
        Assert.Equal(new LeaderRecord(next.Term, "b", "host-b", 2, next.Leader.BackendPid, leader!.AcquiredAt, Held: true), leader);
    }

    [PostgresFact]
    public async Task Lease_SessionTerminated_TheNextIntentFailsAndNothingIsRecorded()
    {
        var store = await OpenAsync();
        var lease = Own(await store.ClaimAsync(ReplicaIdentity.Current(), null, CancellationToken.None))!;
        await store.RecordIntentAsync(Intent("before"), CancellationToken.None);

        await Backing.Schema.ScalarAsync($"SELECT pg_terminate_backend({lease.Leader.BackendPid});");
        var error = await Assert.ThrowsAsync<StateStoreException>(() => store.RecordIntentAsync(Intent("after"), CancellationToken.None));

        Assert.Contains("no longer leads", error.Message, StringComparison.Ordinal);
        Assert.False(lease.IsHeld);
        Assert.True(lease.Ended.IsCompleted);
        Assert.Equal(1L, await Backing.Schema.ScalarAsync("SELECT count(*) FROM intents;"));

        // Every later write fails at once too, until this store leads again.
        await Assert.ThrowsAsync<StateStoreException>(() => store.RecordRunAsync(new RunRecord(StateSamples.At, TimeSpan.Zero, null, Core.Reconciling.RunTrigger.Poll, true, Core.Reconciling.RunOutcomes.None, null), CancellationToken.None));
        Assert.NotNull(Own(await (await OpenAsync()).ClaimAsync(ReplicaIdentity.Current(), TimeSpan.FromSeconds(10), CancellationToken.None)));
    }

    [PostgresFact]
    public async Task Lease_ANewerTermExists_TheIntentInsertRefusesItself()
    {
        var store = await OpenAsync();
        var lease = Own(await store.ClaimAsync(ReplicaIdentity.Current(), null, CancellationToken.None))!;

        // What a newer leader would write; the term check in the INSERT sees it even on the old session.
        await Backing.Schema.ScalarAsync("INSERT INTO leader_terms (replica, host, process_id, backend_pid, acquired_at) VALUES ('other', 'h', 1, 1, now());");
        var error = await Assert.ThrowsAsync<StateStoreException>(() => store.RecordIntentAsync(Intent(), CancellationToken.None));

        Assert.Contains("newer leader", error.Message, StringComparison.Ordinal);
        Assert.False(lease.IsHeld);
        Assert.Equal(0L, await Backing.Schema.ScalarAsync("SELECT count(*) FROM intents;"));
    }

    [PostgresFact]
    public async Task Lease_Held_IntentsCarryTheTermAndTheLeaderIsShownHeld()
    {
        var store = await OpenAsync();
        var lease = Own(await store.ClaimAsync(ReplicaIdentity.Current(), null, CancellationToken.None))!;

        await store.RecordIntentAsync(Intent(), CancellationToken.None);

        Assert.Equal(lease.Term, await Backing.Schema.ScalarAsync("SELECT leader_term FROM intents;"));
        Assert.True((await store.ReadLeaderAsync(CancellationToken.None))!.Held);
        Assert.True(await lease.CheckAsync(CancellationToken.None));
        await lease.DisposeAsync();
        Assert.False((await store.ReadLeaderAsync(CancellationToken.None))!.Held);
    }

    [PostgresFact]
    public async Task AcquireApplyLock_WhileAReplicaLeads_NamesIt()
    {
        var replica = await OpenAsync();
        Own(await replica.ClaimAsync(new ReplicaIdentity("node-7:4242", "node-7", 4242), null, CancellationToken.None));

        var error = await Assert.ThrowsAsync<StateLockedException>(async () => await (await OpenAsync()).AcquireApplyLockAsync(CancellationToken.None));

        Assert.Contains("node-7:4242, term 1", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Backing.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await Backing.DisposeAsync();
    }

    private async Task<PostgresStateStore> OpenAsync() => Own((PostgresStateStore)await Backing.OpenAsync())!;

    private T? Own<T>(T? disposable)
        where T : class, IAsyncDisposable
    {
        if (disposable is not null)
        {
            _owned.Add(disposable);
        }

        return disposable;
    }
}

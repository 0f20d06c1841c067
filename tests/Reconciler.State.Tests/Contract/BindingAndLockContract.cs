using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>What a store is bound to (the API endpoint) and its exclusive apply lock.</summary>
public abstract class BindingAndLockContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task ReadEndpoint_NewStore_IsNull_ThenWhatWasBound()
    {
        var store = await OpenAsync();
        Assert.Null(await store.ReadEndpointAsync(CancellationToken.None));

        await store.BindEndpointAsync("https://ai.api.example.cn:443", forgetRecords: false, CancellationToken.None);

        Assert.Equal("https://ai.api.example.cn:443", await store.ReadEndpointAsync(CancellationToken.None));
        Assert.Equal(32, (await ScalarAsync<string>("SELECT value FROM store_info WHERE key = 'store_id';")).Length);
    }

    [StoreFact]
    public async Task BindEndpoint_Rebind_ForgetsRecordsClosesIntentsAndKeepsHistory()
    {
        var store = await OpenAsync();
        await store.BindEndpointAsync("http://127.0.0.1:1", forgetRecords: false, CancellationToken.None);
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        await store.RecordIntentAsync(new TaskIntent(0, StateSamples.OtherIdentity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At), CancellationToken.None);

        await store.BindEndpointAsync("http://127.0.0.1:2", forgetRecords: true, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:2", await store.ReadEndpointAsync(CancellationToken.None));
        Assert.Empty(await store.LoadAppliedAsync(CancellationToken.None));
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal("rebound", await ScalarAsync<string>("SELECT outcome FROM intents;"));
        Assert.Single(await store.ReadAttemptsAsync(10, CancellationToken.None));
    }

    [StoreFact]
    public async Task StateEndpoint_BoundElsewhere_IsRefusedWithoutRebind()
    {
        var store = await OpenAsync();
        await StateEndpoint.EnsureAsync(store, "http://127.0.0.1:1", rebind: false, CancellationToken.None);
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        await Assert.ThrowsAsync<StateEndpointMismatchException>(() => StateEndpoint.EnsureAsync(store, "http://127.0.0.1:2", rebind: false, CancellationToken.None));
    }

    [StoreFact]
    public async Task BindWithFirstRecord_StaysUnboundUntilTheFirstRecordedAnswer()
    {
        var store = await OpenAsync();
        await StateEndpoint.EnsureAsync(store, "http://127.0.0.1:1", rebind: false, CancellationToken.None);
        var intent = await store.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None);
        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At) with { Outcome = ApplyOutcome.Failed }, definitive: true, null, CancellationToken.None);

        Assert.Null(await store.ReadEndpointAsync(CancellationToken.None));

        var second = await store.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None);
        await store.SettleIntentAsync(second, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);

        Assert.Equal("http://127.0.0.1:1", await store.ReadEndpointAsync(CancellationToken.None));
        Assert.Equal("http://127.0.0.1:1", await (await OpenAsync()).ReadEndpointAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task StateEndpoint_NoRecordsButBoundElsewhere_FollowsTheEndpointInUseSilently()
    {
        var store = await OpenAsync();
        await store.BindEndpointAsync("http://127.0.0.1:1", forgetRecords: false, CancellationToken.None);
        await store.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None);

        var forgotten = await StateEndpoint.EnsureAsync(store, "http://127.0.0.1:2", rebind: false, CancellationToken.None);

        Assert.Null(forgotten);
        Assert.Null(await store.ReadEndpointAsync(CancellationToken.None));
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        Assert.Equal("http://127.0.0.1:2", await store.ReadEndpointAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task StateEndpoint_RecordsOfAnotherEndpoint_AreRefused_OrForgottenOnRebind()
    {
        var store = await OpenAsync();
        await StateEndpoint.EnsureAsync(store, "http://127.0.0.1:1", rebind: false, CancellationToken.None);
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        await Assert.ThrowsAsync<StateEndpointMismatchException>(() => StateEndpoint.CheckAsync(store, "http://127.0.0.1:2", rebind: false, CancellationToken.None));
        var forgotten = await StateEndpoint.EnsureAsync(store, "http://127.0.0.1:2", rebind: true, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:1", forgotten);
        Assert.Empty(await store.LoadAppliedAsync(CancellationToken.None));
        Assert.Equal("http://127.0.0.1:2", await store.ReadEndpointAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task AcquireApplyLock_FromASecondStoreOnTheSameData_ThrowsAtOnce()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        await using var held = await first.AcquireApplyLockAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<StateLockedException>(() => second.AcquireApplyLockAsync(CancellationToken.None));

        Assert.Contains("locked by another apply", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task AcquireApplyLock_AfterRelease_SucceedsAgain()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var held = await first.AcquireApplyLockAsync(CancellationToken.None);
        await held.DisposeAsync();

        await using var again = await second.AcquireApplyLockAsync(CancellationToken.None);

        Assert.NotNull(again);
    }

    [StoreFact]
    public async Task Writes_WhileHoldingTheLock_AreRecorded()
    {
        var store = await OpenAsync();
        await using (await store.AcquireApplyLockAsync(CancellationToken.None))
        {
            var intent = await store.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None);
            await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);
            await store.RecordRunAsync(new RunRecord(StateSamples.At, TimeSpan.FromSeconds(1), null, Core.Reconciling.RunTrigger.Cli, true, new Core.Reconciling.RunOutcomes(Applied: 1), null), CancellationToken.None);
        }

        var reader = await OpenAsync();
        Assert.Single(await reader.LoadAppliedAsync(CancellationToken.None));
        Assert.Single(await reader.ReadRunsAsync(10, CancellationToken.None));
    }
}

public sealed class SqliteBindingAndLockTests : BindingAndLockContract<SqliteBacking>;

public sealed class PostgresBindingAndLockTests : BindingAndLockContract<PostgresBacking>;

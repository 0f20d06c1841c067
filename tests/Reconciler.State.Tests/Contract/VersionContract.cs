using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>The store's id and serial (what a saved plan checks): the serial moves with every change of what the state says, and only then.</summary>
public abstract class VersionContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task ReadVersion_NewStore_IsItsIdAtSerialZero()
    {
        var store = await OpenAsync();

        var version = await store.ReadVersionAsync(CancellationToken.None);

        Assert.Equal(await ScalarAsync<string>("SELECT value FROM store_info WHERE key = 'store_id';"), version.StoreId);
        Assert.Equal(0, version.Serial);
    }

    [StoreFact]
    public async Task ReadVersion_EveryKindOfChange_MovesTheSerial()
    {
        var store = await OpenAsync();
        var changes = new (string What, Func<Task> Change)[]
        {
            ("bind", () => store.BindEndpointAsync("http://127.0.0.1:1", forgetRecords: false, CancellationToken.None)),
            ("record", () => store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None)),
            ("intent", () => store.RecordIntentAsync(new TaskIntent(0, StateSamples.OtherIdentity, TaskIntent.Update, "h", null, StateSamples.At), CancellationToken.None)),
            ("settle", async () =>
            {
                var intent = (await store.LoadInDoubtAsync(CancellationToken.None))[StateSamples.OtherIdentity];
                await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, null, CancellationToken.None);
            }),
            ("forget", () => store.ForgetAsync(StateSamples.Identity, CancellationToken.None)),
            ("rebind", () => store.BindEndpointAsync("http://127.0.0.1:2", forgetRecords: true, CancellationToken.None)),
        };

        foreach (var (what, change) in changes)
        {
            var before = await store.ReadVersionAsync(CancellationToken.None);
            await change();
            var after = await store.ReadVersionAsync(CancellationToken.None);
            Assert.True(after.Serial > before.Serial, $"{what}: serial {before.Serial} → {after.Serial}");
            Assert.Equal(before.StoreId, after.StoreId);
        }
    }

    [StoreFact]
    public async Task ReadVersion_RunsAttemptsAndReads_LeaveTheSerial()
    {
        var store = await OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        var before = await store.ReadVersionAsync(CancellationToken.None);

        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At), CancellationToken.None);
        await store.RecordRunAsync(new RunRecord(StateSamples.At, TimeSpan.FromSeconds(1), null, RunTrigger.Cli, true, new RunOutcomes(Applied: 1), null), CancellationToken.None);
        await store.LoadAppliedAsync(CancellationToken.None);
        await using (await store.AcquireApplyLockAsync(CancellationToken.None))
        {
            Assert.Equal(before, await store.ReadVersionAsync(CancellationToken.None));
        }

        Assert.Equal(before, await store.ReadVersionAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task ReadVersion_AnotherStoreOfTheSameData_SeesTheSameVersion()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();

        await first.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        Assert.Equal(await first.ReadVersionAsync(CancellationToken.None), await second.ReadVersionAsync(CancellationToken.None));
    }
}

public sealed class SqliteVersionTests : VersionContract<SqliteBacking>;

public sealed class PostgresVersionTests : VersionContract<PostgresBacking>;

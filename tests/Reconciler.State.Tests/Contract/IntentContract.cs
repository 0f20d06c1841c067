using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>Write-ahead intents: recorded before a request, settled by a definitive answer, in doubt otherwise.</summary>
public abstract class IntentContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    private static TaskIntent Intent(string hash = "h-b", int minutes = 0) =>
        new(0, StateSamples.Identity, TaskIntent.Update, hash, "rev", StateSamples.At.AddMinutes(minutes));

    [StoreFact]
    public async Task RecordIntent_Unsettled_IsInDoubtWithItsHash()
    {
        var store = await OpenAsync();

        var recorded = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        Assert.True(recorded.Id > 0);
        var inDoubt = Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal(recorded, inDoubt.Value);
    }

    [StoreFact]
    public async Task SettleIntent_Applied_WritesTheRecordAndClearsTheDoubtInOneStep()
    {
        var store = await OpenAsync();
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);
        var applied = StateSamples.Applied();

        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, applied, CancellationToken.None);

        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal(applied.Body, (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity].Body);
        Assert.Equal(intent.Id, await ScalarAsync<long>("SELECT intent_id FROM attempts;"));
        Assert.Equal("applied", await ScalarAsync<string>("SELECT outcome FROM intents;"));
    }

    [StoreFact]
    public async Task SettleIntent_NotDefinitive_KeepsTheTaskInDoubtAndTheAttemptInTheHistory()
    {
        var store = await OpenAsync();
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At, ApplyOutcome.Failed), definitive: false, null, CancellationToken.None);

        Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Single(await store.ReadAttemptsAsync(10, CancellationToken.None));
    }

    [StoreFact]
    public async Task InDoubt_ALaterRejection_DoesNotClearIt_OnlyALaterApplyDoes()
    {
        var store = await OpenAsync();
        await store.RecordIntentAsync(Intent("h-lost"), CancellationToken.None);
        var rejected = await store.RecordIntentAsync(Intent("h-c", 1), CancellationToken.None);
        await store.SettleIntentAsync(rejected, StateSamples.Attempt(StateSamples.At, ApplyOutcome.Rejected), definitive: true, null, CancellationToken.None);

        Assert.Equal("h-lost", Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None)).Value.BodyHash);

        var applied = await store.RecordIntentAsync(Intent("h-a", 2), CancellationToken.None);
        await store.SettleIntentAsync(applied, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task InDoubt_TheNewestUnsettledUpdateWins_AndAStopIsNeverInDoubt()
    {
        var store = await OpenAsync();
        await store.RecordIntentAsync(Intent("h-old"), CancellationToken.None);
        await store.RecordIntentAsync(Intent("h-new", 1), CancellationToken.None);
        await store.RecordIntentAsync(new TaskIntent(0, StateSamples.OtherIdentity, TaskIntent.Stop, null, "rev", StateSamples.At), CancellationToken.None);

        var inDoubt = Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));

        Assert.Equal("h-new", inDoubt.Value.BodyHash);
    }

    [StoreFact]
    public async Task Intents_ASettledOneNeverChangesAndNoneIsDeleted()
    {
        var store = await OpenAsync();
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);
        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);

        var update = await Assert.ThrowsAnyAsync<Exception>(() => Backing.ScalarAsync("UPDATE intents SET outcome = 'rejected' RETURNING id;"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => Backing.ScalarAsync("DELETE FROM intents RETURNING id;"));

        Assert.IsType(Backing.DatabaseError, update);
        Assert.Contains("never changes", update.Message, StringComparison.Ordinal);
        Assert.IsType(Backing.DatabaseError, delete);
        Assert.Contains("never deleted", delete.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteIntentTests : IntentContract<SqliteBacking>;

public sealed class PostgresIntentTests : IntentContract<PostgresBacking>;

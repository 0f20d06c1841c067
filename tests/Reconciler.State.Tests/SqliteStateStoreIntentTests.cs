using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.State.Tests;

/// <summary>Write-ahead intents: recorded before a request, settled by a definitive answer, in doubt otherwise.</summary>
public sealed class SqliteStateStoreIntentTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static TaskIntent Intent(string hash = "h-b", int minutes = 0) =>
        new(0, StateSamples.Identity, TaskIntent.Update, hash, "rev", StateSamples.At.AddMinutes(minutes));

    [Fact]
    public async Task RecordIntent_Unsettled_IsInDoubtWithItsHash()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);

        var recorded = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        Assert.True(recorded.Id > 0);
        var inDoubt = Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal(recorded, inDoubt.Value);
    }

    [Fact]
    public async Task SettleIntent_Applied_WritesTheRecordAndClearsTheDoubtInOneStep()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);
        var applied = StateSamples.Applied();

        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, applied, CancellationToken.None);

        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal(applied.Body, (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity].Body);
        Assert.Equal(intent.Id, await ScalarAsync<long>("SELECT intent_id FROM attempts;"));
    }

    [Fact]
    public async Task SettleIntent_NotDefinitive_KeepsTheTaskInDoubtAndTheAttemptInTheHistory()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At, ApplyOutcome.Failed), definitive: false, null, CancellationToken.None);

        Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Single(await store.ReadAttemptsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task InDoubt_ALaterRejection_DoesNotClearIt_OnlyALaterApplyDoes()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.RecordIntentAsync(Intent("h-lost"), CancellationToken.None);
        var rejected = await store.RecordIntentAsync(Intent("h-c", 1), CancellationToken.None);
        await store.SettleIntentAsync(rejected, StateSamples.Attempt(StateSamples.At, ApplyOutcome.Rejected), definitive: true, null, CancellationToken.None);

        Assert.Equal("h-lost", Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None)).Value.BodyHash);

        var applied = await store.RecordIntentAsync(Intent("h-a", 2), CancellationToken.None);
        await store.SettleIntentAsync(applied, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Intents_ASettledOneNeverChangesAndNoneIsDeleted()
    {
        await using (var store = await SqliteStateStore.OpenAsync(_temp.StatePath))
        {
            var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);
            await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);
        }

        await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync<long>("UPDATE intents SET outcome = 'rejected' RETURNING id;"));
        await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync<long>("DELETE FROM intents RETURNING id;"));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_temp.StatePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}

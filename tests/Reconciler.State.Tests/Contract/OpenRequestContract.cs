using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>
/// Deadlines: an update intent carries until when its request may still land; it is an open request until then, unless
/// it was settled with nothing left that could land (its deadline cleared).
/// </summary>
public abstract class OpenRequestContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    private static readonly DateTimeOffset Deadline = StateSamples.At.AddSeconds(75);

    private static TaskIntent Intent(string hash = "h-b") =>
        new(0, StateSamples.Identity, TaskIntent.Update, hash, "rev", StateSamples.At) { Deadline = Deadline };

    [StoreFact]
    public async Task RecordIntent_KeepsItsDeadline_AndIsOpenUntilThen()
    {
        var store = await OpenAsync();

        var recorded = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        Assert.Equal(Deadline, Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None)).Value.Deadline);
        Assert.Equal(new OpenRequest(StateSamples.Identity, "h-b", StateSamples.At, Deadline), Assert.Single(await store.LoadOpenRequestsAsync(StateSamples.At.AddSeconds(74), CancellationToken.None)));
        Assert.Empty(await store.LoadOpenRequestsAsync(Deadline, CancellationToken.None));
        Assert.True(recorded.Id > 0);
    }

    [StoreFact]
    public async Task SettleIntent_WithNothingLeftToLand_ClosesTheRequest()
    {
        var store = await OpenAsync();
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        await store.SettleIntentAsync(intent with { Deadline = null }, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);

        Assert.Empty(await store.LoadOpenRequestsAsync(StateSamples.At, CancellationToken.None));
    }

    [StoreFact]
    public async Task SettleIntent_AnEarlierAttemptUnanswered_StaysOpenUntilTheDeadline()
    {
        var store = await OpenAsync();
        var intent = await store.RecordIntentAsync(Intent(), CancellationToken.None);

        await store.SettleIntentAsync(intent, StateSamples.Attempt(StateSamples.At), definitive: true, StateSamples.Applied(), CancellationToken.None);

        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Single(await store.LoadOpenRequestsAsync(StateSamples.At, CancellationToken.None));
    }

    [StoreFact]
    public async Task Rebind_ClosesTheOpenRequestsOfTheOtherEndpoint()
    {
        var store = await OpenAsync();
        await store.RecordIntentAsync(Intent(), CancellationToken.None);

        await store.BindWithFirstRecordAsync("http://127.0.0.1:2", CancellationToken.None);
        await store.BindEndpointAsync("http://127.0.0.1:1", forgetRecords: false, CancellationToken.None);
        await store.BindWithFirstRecordAsync("http://127.0.0.1:2", CancellationToken.None);

        Assert.Empty(await store.LoadOpenRequestsAsync(StateSamples.At, CancellationToken.None));
    }
}

public sealed class SqliteOpenRequestTests : OpenRequestContract<SqliteBacking>;

public sealed class PostgresOpenRequestTests : OpenRequestContract<PostgresBacking>;

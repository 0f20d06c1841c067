using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Applying;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>
/// Intents recorded ahead (docs/state.md): while P requests are in flight, up to P more tasks record their intents, so a
/// freed slot sends at once; every PUT still has its intent recorded first, and an intent recorded ahead that waited past
/// half its deadline is recorded again before its request goes out.
/// </summary>
public sealed class IntentLookAheadTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Apply_RequestsInFlight_RecordsAtMostParallelismIntentsAhead()
    {
        const int parallelism = 2;
        var api = new FakeTaskApi { ParkUpdates = true };
        var store = new FakeStateStore();
        var applying = new Applier(api, store).ApplyAsync(ApplyPlans.Adopt(6), new ApplyOptions(parallelism), null, CancellationToken.None);
        var parked = new List<ParkedCall> { await api.NextArrivalAsync(), await api.NextArrivalAsync() };

        await WaitUntilAsync(() => store.Intents.Count == 2 * parallelism);
        await Task.Delay(100); // room for a third intent, which must not come while both requests are held
        Assert.Equal(2 * parallelism, store.Intents.Count);
        Assert.Equal(parallelism, api.Puts);

        parked.ForEach(p => p.Release());
        for (var i = 0; i < 4; i++)
        {
            (await api.NextArrivalAsync()).Release();
        }

        var report = await applying.WaitAsync(Limit);
        Assert.Equal(6, report.Count(ApplyOutcome.Applied));
        Assert.Equal(6, store.Intents.Count);
        Assert.All(store.Intents, i => Assert.Equal("applied", i.Outcome));
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_IntentRecordedAheadWaitsPastHalfItsDeadline_IsSettledAsNotSentAndRecordedAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var api = new FakeTaskApi { ParkUpdates = true };
        var store = new FakeStateStore();
        var applying = new Applier(api, store, clock).ApplyAsync(ApplyPlans.Adopt(2), new ApplyOptions(1), null, CancellationToken.None);
        var first = await api.NextArrivalAsync();
        await WaitUntilAsync(() => store.Intents.Count == 2);

        clock.Advance(ITaskApi.DefaultUpdateDeadline / 2 + TimeSpan.FromSeconds(1));
        first.Release();
        (await api.NextArrivalAsync()).Release();
        var report = await applying.WaitAsync(Limit);

        Assert.Equal(2, report.Count(ApplyOutcome.Applied));
        var second = report.Results[1].Entry.Identity;
        var intents = store.Intents.Where(i => i.Intent.Identity == second).ToList();
        Assert.Equal(["cancelled", "applied"], intents.Select(i => i.Outcome));
        Assert.Equal(ITaskApi.DefaultUpdateDeadline, api.Within[^1]); // the request went out with a whole deadline
        Assert.Contains(store.Attempts, a => a.Identity == second && a.Outcome == ApplyOutcome.Cancelled && a.Message == ApplyMessages.NotSent + ApplyMessages.RecordedAgain);
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}

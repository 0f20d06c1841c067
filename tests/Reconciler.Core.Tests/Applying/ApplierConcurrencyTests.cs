using Reconciler.Core.Applying;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Bounded concurrency and cancellation, with every request held until the test lets it go (no sleeps).</summary>
public sealed class ApplierConcurrencyTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Apply_ManyTasks_NeverExceedsParallelism(int parallelism)
    {
        const int total = 12;
        var api = new FakeTaskApi { ParkUpdates = true };
        var store = new FakeStateStore();
        var applying = new Applier(api, store).ApplyAsync(ApplyPlans.Adopt(total), new ApplyOptions(parallelism), null, CancellationToken.None);

        // Let requests in until the bound is reached, then release one at a time: each release admits exactly one more.
        var parked = new Queue<ParkedCall>();
        for (var released = 0; released < total; released++)
        {
            while (parked.Count < Math.Min(parallelism, total - released))
            {
                parked.Enqueue(await api.NextArrivalAsync());
            }

            Assert.True(api.MaxConcurrentUpdates <= parallelism, $"{api.MaxConcurrentUpdates} requests in flight with parallelism {parallelism}");
            parked.Dequeue().Release();
        }

        var report = await applying.WaitAsync(Limit);

        Assert.Equal(parallelism, api.MaxConcurrentUpdates);
        Assert.Equal(total, report.Count(ApplyOutcome.Applied));
        Assert.Equal(total, store.Applied.Count);
    }

    [Fact]
    public async Task Apply_CancelledWhileInFlight_FinishesAndRecordsThoseButStartsNoMore()
    {
        var api = new FakeTaskApi { ParkUpdates = true };
        var store = new FakeStateStore();
        using var stop = new CancellationTokenSource();
        var applying = new Applier(api, store).ApplyAsync(ApplyPlans.Adopt(6), new ApplyOptions(2, TimeSpan.FromSeconds(30)), null, stop.Token);
        var first = await api.NextArrivalAsync();
        var second = await api.NextArrivalAsync();

        await stop.CancelAsync();
        first.Release();
        second.Release();
        var report = await applying.WaitAsync(Limit);

        Assert.Equal(2, api.Puts);
        Assert.Equal(new[] { first.Identity, second.Identity }.Order(), store.Applied.Keys.Order());
        Assert.Equal(2, report.Count(ApplyOutcome.Applied));
        Assert.Equal(4, report.Count(ApplyOutcome.Cancelled));
        Assert.All(report.Results.Where(r => r.Outcome == ApplyOutcome.Cancelled), r => Assert.DoesNotContain(r.Entry.Identity, store.Applied.Keys));
        Assert.Equal(2, store.Attempts.Count(a => a.Outcome == ApplyOutcome.Applied));
    }

    [Fact]
    public async Task Apply_GracePeriodRunsOut_AbandonsInFlightWithoutRecordingThemAsApplied()
    {
        var api = new FakeTaskApi { ParkUpdates = true };
        var store = new FakeStateStore();
        using var stop = new CancellationTokenSource();
        var applying = new Applier(api, store).ApplyAsync(ApplyPlans.Adopt(3), new ApplyOptions(1, TimeSpan.Zero), null, stop.Token);
        await api.NextArrivalAsync(); // never released: only the grace period can end it

        await stop.CancelAsync();
        var report = await applying.WaitAsync(Limit);

        Assert.Equal(1, api.Puts);
        Assert.Empty(store.Applied);
        var abandoned = Assert.Single(report.Results, r => r.Outcome == ApplyOutcome.Failed);
        Assert.Contains("abandoned", abandoned.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Count(ApplyOutcome.Cancelled));
        Assert.Equal(ApplyOutcome.Failed, Assert.Single(store.Attempts).Outcome);
    }

    [Fact]
    public async Task Apply_CancelledBeforeStart_SendsNothingAndForgetsNothing()
    {
        var gone = ApplyPlans.OldRecord(9);
        var store = new FakeStateStore(gone);
        var plan = ApplyPlans.Adopt(3, inventory: store.Applied);
        var api = new FakeTaskApi();
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var report = await new Applier(api, store).ApplyAsync(plan, ApplyOptions.Default, null, stop.Token);

        Assert.Empty(api.Calls);
        Assert.Empty(store.Forgotten);
        Assert.Equal(3, report.Count(ApplyOutcome.Cancelled));
        Assert.Contains(gone.Identity, store.Applied.Keys);
    }
}

using Reconciler.Core.Reconciling;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>Requests merge, the most demanding wins, and none is ever dropped.</summary>
public sealed class TriggerQueueTests
{
    [Fact]
    public void Request_ABurstWhileBusy_BecomesOnePass()
    {
        var queue = new TriggerQueue();
        for (var i = 0; i < 5; i++)
        {
            queue.Request(RunTrigger.Webhook);
        }

        Assert.Equal(TriggerSet.Of(RunTrigger.Webhook), queue.Take().Triggers);
        Assert.True(queue.Take().Triggers.IsEmpty);
        Assert.Equal(5, queue.Requested);
    }

    [Fact]
    public void Request_SyncWhileAWebhookWaits_IsMergedNotDropped()
    {
        var queue = new TriggerQueue();
        queue.Request(RunTrigger.Webhook);

        var ticket = queue.Request(RunTrigger.Sync);
        var (triggers, taken) = queue.Take();

        Assert.True(triggers.Has(RunTrigger.Sync) && triggers.Has(RunTrigger.Webhook));
        Assert.Equal((1L, 1L), (ticket, taken));
        Assert.Equal(RunTrigger.Sync, triggers.Reconciles(FetchOutcome.Unchanged));
    }

    [Fact]
    public void Request_TwoSyncs_AnswersTheNewestTicketInOnePass()
    {
        var queue = new TriggerQueue();

        var first = queue.Request(RunTrigger.Sync);
        var second = queue.Request(RunTrigger.Sync);

        Assert.Equal((1L, 2L, 2L), (first, second, queue.Take().SyncTicket));
        Assert.Equal(0L, queue.Request(RunTrigger.Webhook));
        Assert.Equal(0L, queue.Take().SyncTicket);
    }

    [Fact]
    public async Task WaitAsync_CompletesWhenARequestIsPending_AndAgainAfterTheNextOne()
    {
        var queue = new TriggerQueue();
        var waiting = queue.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        queue.Request(RunTrigger.Takeover);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        queue.Take();

        Assert.False(queue.WaitAsync(CancellationToken.None).IsCompleted);
        queue.Request(RunTrigger.Sync);
        Assert.True(queue.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void FetchRequested_IsCancelledByAPushOrSync_AndAtOnceWhenOneIsPending()
    {
        using var queue = new TriggerQueue();
        var refreshing = queue.FetchRequested();
        Assert.False(refreshing.IsCancellationRequested);

        queue.Request(RunTrigger.Webhook);
        Assert.True(refreshing.IsCancellationRequested);
        Assert.True(queue.FetchRequested().IsCancellationRequested); // still pending: the next slice yields at once

        queue.Take();
        var next = queue.FetchRequested();
        Assert.False(next.IsCancellationRequested);
        queue.Request(RunTrigger.Sync);
        Assert.True(next.IsCancellationRequested);
    }
}

using Reconciler.Core.Reconciling;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>What a merged set of triggers asks a pass to do: sync ⊇ webhook ⊇ poll, and the run is named by the most demanding.</summary>
public sealed class TriggerSetTests
{
    [Theory]
    [InlineData(FetchOutcome.Moved, RunTrigger.Poll)]
    [InlineData(FetchOutcome.Unchanged, null)]
    [InlineData(FetchOutcome.Failed, null)]
    public void Poll_ReconcilesOnlyWhenTheBranchMoved(FetchOutcome fetched, RunTrigger? expected) =>
        Assert.Equal(expected, TriggerSet.Of(RunTrigger.Poll).Reconciles(fetched));

    [Theory]
    [InlineData(FetchOutcome.Moved, RunTrigger.Sync)]
    [InlineData(FetchOutcome.Unchanged, RunTrigger.Sync)]
    [InlineData(FetchOutcome.Failed, null)]
    public void SyncWithWebhookAndPoll_ReconcilesEvenUnchanged_AndIsNamedSync(FetchOutcome fetched, RunTrigger? expected) =>
        Assert.Equal(expected, TriggerSet.Of(RunTrigger.Poll, RunTrigger.Webhook, RunTrigger.Sync).Reconciles(fetched));

    [Fact]
    public void TimerTriggers_ReconcileWithoutAFetch_TakeoverFetchesFirst()
    {
        Assert.False(TriggerSet.Of(RunTrigger.Resync, RunTrigger.Retry, RunTrigger.Window).Fetches);
        Assert.Equal(RunTrigger.Resync, TriggerSet.Of(RunTrigger.Window, RunTrigger.Resync).Reconciles(null));
        Assert.True(TriggerSet.Of(RunTrigger.Takeover).Fetches);
        Assert.Equal(RunTrigger.Takeover, TriggerSet.Of(RunTrigger.Takeover, RunTrigger.Sync).Reconciles(FetchOutcome.Unchanged));
        Assert.Equal(RunTrigger.Sync, TriggerSet.Of(RunTrigger.Takeover, RunTrigger.Sync, RunTrigger.Webhook).Without(RunTrigger.Takeover).FetchTrigger);
    }

    [Fact]
    public void FailedFetchWithAResyncDue_StillReplansTheLastRevisionAsTheResync() =>
        Assert.Equal(RunTrigger.Resync, TriggerSet.Of(RunTrigger.Sync, RunTrigger.Resync).Reconciles(FetchOutcome.Failed));
}

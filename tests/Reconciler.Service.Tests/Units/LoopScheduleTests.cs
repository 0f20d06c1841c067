using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>
/// The schedule as a pure function of (ledger, timers, now): when the loop wakes and what is due, with a fake clock
/// and no host. 12:00 UTC is 20:00 in Asia/Shanghai, outside a 22:00-07:00 window.
/// </summary>
public sealed class LoopScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScheduleSettings Settings = new(TimeSpan.FromMinutes(1), Jitter: 0.1, Resync: TimeSpan.FromMinutes(5), RetryMax: TimeSpan.FromMinutes(10));
    private static readonly TaskLedger Nothing = new(new RetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void Start_PollsAtOnce_AndResyncsOnePeriodLater()
    {
        var schedule = LoopSchedule.Start(Settings, _clock.GetUtcNow());

        Assert.Equal(new Wake(Start, TriggerSet.Of(RunTrigger.Poll)), schedule.Next(Nothing, leading: true, fetched: false, _clock.GetUtcNow()));
        Assert.Equal(Start.AddMinutes(5), schedule.NextResync);
    }

    [Fact]
    public void After_AFetch_NextPollIsOneIntervalPlusTheJitterSample_FromTheEndOfTheFetch()
    {
        var schedule = LoopSchedule.Start(Settings, Start);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var next = schedule.After(new PassResult(Start, FetchOutcome.Unchanged, FetchedAt: Start.AddSeconds(2)), _clock.GetUtcNow(), jitter: 0.5);

        Assert.Equal(Start.AddSeconds(2 + 60 + 3), next.NextPoll);
        Assert.Equal(new Wake(next.NextPoll, TriggerSet.Of(RunTrigger.Poll)), next.Next(Nothing, true, true, _clock.GetUtcNow()));
    }

    [Fact]
    public void After_FailedFetches_ThePollDelayDoublesUpToRetryMax()
    {
        var schedule = LoopSchedule.Start(Settings, Start);
        var delays = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            schedule = schedule.After(new PassResult(Start, FetchOutcome.Failed, FetchedAt: Start), Start, jitter: 0);
            delays.Add((schedule.NextPoll - Start).TotalMinutes);
        }

        Assert.Equal([2, 4, 8, 10, 10, 10], delays);
        Assert.Equal(1, (schedule.After(new PassResult(Start, FetchOutcome.Moved, FetchedAt: Start), Start, 0).NextPoll - Start).TotalMinutes);
    }

    [Fact]
    public void Next_AHeldBackTask_WakesAtItsRetryTime_OnlyOnceSomethingWasFetched()
    {
        var schedule = LoopSchedule.Start(Settings, Start) with { NextPoll = Start.AddMinutes(1) };
        var ledger = Failed(Start);

        Assert.Equal(new Wake(Start.AddSeconds(30), TriggerSet.Of(RunTrigger.Retry)), schedule.Next(ledger, true, fetched: true, Start));
        Assert.Equal(Start.AddMinutes(1), schedule.Next(ledger, true, fetched: false, Start).At);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var pass = schedule.Due(TriggerSet.None, 0, ledger, true, true, _clock.GetUtcNow());
        Assert.Equal(new PassOrder(TriggerSet.Of(RunTrigger.Retry), 0, Refresh: false), pass);
    }

    [Fact]
    public void Next_OutsideTheSyncWindow_NoRetry_ButChangesWaitingForTheWindowWakeItWhenItOpens()
    {
        var windows = SyncSchedule.Parse("22:00-07:00", SyncSchedule.FindZone("Asia/Shanghai"));
        var schedule = LoopSchedule.Start(Settings with { Windows = windows, Resync = TimeSpan.FromHours(5) }, Start) with { NextPoll = Start.AddHours(4) };
        var opening = Start.AddHours(2);

        Assert.Equal(Start.AddHours(4), schedule.Next(Failed(Start), true, true, Start).At);
        var waiting = Nothing.After(WindowRun(Start));
        Assert.Equal(new Wake(opening, TriggerSet.Of(RunTrigger.Window)), schedule.Next(waiting, true, true, Start));
    }

    [Fact]
    public void Next_AFollower_OnlyPolls()
    {
        var schedule = LoopSchedule.Start(Settings, Start) with { NextPoll = Start.AddMinutes(1), NextResync = Start };

        Assert.Equal(new Wake(Start.AddMinutes(1), TriggerSet.Of(RunTrigger.Poll)), schedule.Next(Failed(Start), leading: false, fetched: true, Start));
    }

    [Fact]
    public void Due_MergesTheRequestsWithTheTimers_AndOnlyAResyncOrARefreshTickRefreshes()
    {
        var schedule = LoopSchedule.Start(Settings, Start) with { NextPoll = Start.AddMinutes(1) };
        _clock.Advance(TimeSpan.FromMinutes(5));

        var pass = schedule.Due(TriggerSet.Of(RunTrigger.Webhook, RunTrigger.Sync), 7, Nothing, true, true, _clock.GetUtcNow());

        Assert.Equal(TriggerSet.Of(RunTrigger.Poll, RunTrigger.Webhook, RunTrigger.Sync, RunTrigger.Resync), pass.Triggers);
        Assert.Equal((7L, true), (pass.SyncTicket, pass.Refresh));
        var refreshOff = schedule with { Settings = Settings with { Refresh = false } };
        Assert.False(refreshOff.Due(TriggerSet.None, 0, Nothing, true, true, _clock.GetUtcNow()).Refresh);
        Assert.False(schedule.Due(TriggerSet.Of(RunTrigger.Sync), 1, Nothing, true, true, Start).Refresh);
    }

    [Fact]
    public void After_ABrokenPass_TimersWaitAnInterval_ButRequestsDoNot()
    {
        var schedule = LoopSchedule.Start(Settings, Start);

        var paused = schedule.After(new PassResult(Start, Crashed: true), Start, 0);

        Assert.Equal(Start.AddMinutes(1), paused.Next(Failed(Start.AddMinutes(-5)), true, true, Start).At);
        Assert.Equal(TriggerSet.Of(RunTrigger.Sync), paused.Due(TriggerSet.Of(RunTrigger.Sync), 1, Failed(Start.AddMinutes(-5)), true, true, Start.AddSeconds(1)).Triggers);
    }

    [Fact]
    public void After_FailedRuns_PauseDoublingAndAReconcileRestartsTheResync()
    {
        var schedule = LoopSchedule.Start(Settings, Start);

        var once = schedule.After(new PassResult(Start, Reconciled: true, FailedRuns: 1), Start, 0);
        var thrice = schedule.After(new PassResult(Start, Reconciled: true, FailedRuns: 3), Start, 0);
        var fine = schedule.After(new PassResult(Start.AddMinutes(2), Reconciled: true), Start.AddMinutes(2), 0);

        Assert.Equal((Start.AddMinutes(1), Start.AddMinutes(4)), (once.NotBefore, thrice.NotBefore));
        Assert.Equal(Start.AddMinutes(7), fine.NextResync);
    }

    [Fact]
    public void After_TheFirstPlan_RefreshSlicesComeOneTickApart_AndRefresh()
    {
        var schedule = LoopSchedule.Start(Settings, Start);
        Assert.Equal(DateTimeOffset.MaxValue, schedule.NextRefresh);

        var planned = schedule.After(new PassResult(Start, FetchOutcome.Moved, FetchedAt: Start, Reconciled: true, RefreshTick: TimeSpan.FromSeconds(75)), Start, 0);
        Assert.Equal(Start.AddSeconds(75), planned.NextRefresh);
        Assert.Equal(new Wake(Start.AddSeconds(60), TriggerSet.Of(RunTrigger.Poll)), planned.Next(Nothing, true, true, Start));
        Assert.Equal(new Wake(Start.AddSeconds(75), TriggerSet.Of(RunTrigger.Refresh)), (planned with { NextPoll = Start.AddMinutes(2) }).Next(Nothing, true, true, Start));
        Assert.Equal(new PassOrder(TriggerSet.Of(RunTrigger.Poll, RunTrigger.Refresh), 0, Refresh: true), planned.Due(TriggerSet.None, 0, Nothing, true, true, Start.AddSeconds(80)));

        // A poll that moved the branch re-plans without reading: the next slice stays where it was.
        var polled = planned.After(new PassResult(Start.AddSeconds(61), FetchOutcome.Moved, FetchedAt: Start.AddSeconds(61), Reconciled: true, RefreshTick: TimeSpan.FromSeconds(75)), Start.AddSeconds(62), 0);
        Assert.Equal(Start.AddSeconds(75), polled.NextRefresh);
        var sliced = polled.After(new PassResult(Start.AddSeconds(75), Reconciled: true, Refreshed: true, RefreshTick: TimeSpan.FromSeconds(75)), Start.AddSeconds(76), 0);
        Assert.Equal(Start.AddSeconds(151), sliced.NextRefresh);
    }

    [Fact]
    public void Next_RefreshOff_OrNothingFetched_NoSlice()
    {
        var schedule = LoopSchedule.Start(Settings, Start) with { NextPoll = Start.AddMinutes(3), NextRefresh = Start.AddSeconds(30) };

        Assert.Equal(Start.AddSeconds(30), schedule.Next(Nothing, true, fetched: true, Start).At);
        Assert.Equal(Start.AddMinutes(3), schedule.Next(Nothing, true, fetched: false, Start).At);
        Assert.Equal(Start.AddMinutes(3), (schedule with { Settings = Settings with { Refresh = false } }).Next(Nothing, true, true, Start).At);
        Assert.Equal(Start.AddMinutes(3), schedule.Next(Nothing, leading: false, true, Start).At);
    }

    /// <summary>The ledger after one task failed at <paramref name="at"/> (retry 30 s later).</summary>
    private static TaskLedger Failed(DateTimeOffset at)
    {
        var identity = new TaskIdentity("u", "t");
        var manifest = new TaskManifest(identity, ApiFlavour.V2, "a", CanonicalBody.FromJson("{}"), false, false, new Core.Diagnostics.SourceLocation("tasks/t.yaml", 1, 1), []);
        var entry = new PlanEntry(PlanAction.Update, identity, "a", manifest.Location, [], []) { Desired = manifest };
        var plan = new Plan([entry], "r1");
        var report = new ApplyReport([new TaskApplyResult(entry, ApplyOutcome.Failed, null, "503", TimeSpan.Zero)], 0);
        return Nothing.After(new ReconcileRun(new RunRecord(at, TimeSpan.Zero, "r1", RunTrigger.Poll, true, RunOutcomes.Count(plan, report), null), plan, report));
    }

    /// <summary>A run at <paramref name="at"/> that planned one change outside the sync window.</summary>
    private static ReconcileRun WindowRun(DateTimeOffset at)
    {
        var entry = new PlanEntry(PlanAction.Adopt, new TaskIdentity("u", "w"), "w", null, [], []) { Deferral = new Deferral(DeferralKind.OutsideWindow, "closed") };
        var plan = new Plan([entry], "r1");
        return new ReconcileRun(new RunRecord(at, TimeSpan.Zero, "r1", RunTrigger.Poll, false, RunOutcomes.Count(plan, null), null), plan, null);
    }
}

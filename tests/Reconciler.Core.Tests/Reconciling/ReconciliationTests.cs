using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The one engine, with fakes: every decision is plan data, and one run result reports it.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public async Task Pass_NewTasks_AdoptsEachOnceAndRecordsOneRun()
    {
        var engine = new EngineFixture();

        var run = await engine.PassAsync(EngineFixture.Snapshot(3));

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(3, engine.Api.Puts);
        Assert.Equal(3, engine.Store.Applied.Count);
        Assert.Equal(new RunOutcomes(Applied: 3), run.Outcomes);
        Assert.Equal(run.Record, Assert.Single(engine.Store.Runs));
        Assert.All(engine.Store.Intents, i => Assert.Equal("applied", i.Outcome));
        Assert.Equal(3, engine.Api.Calls.Count(c => c.Operation == "state"));
    }

    [Fact]
    public async Task Pass_SecondTimeUnchanged_SendsNothingAndCountsUnchanged()
    {
        var engine = new EngineFixture();
        await engine.PassAsync(EngineFixture.Snapshot(3));

        var run = await engine.PassAsync(EngineFixture.Snapshot(3), RunTrigger.Resync);

        Assert.Equal(3, engine.Api.Puts);
        Assert.Null(run.Report);
        Assert.Equal(new RunOutcomes(Unchanged: 3), run.Outcomes);
        Assert.Equal(RunTrigger.Resync, run.Record.Trigger);
    }

    [Fact]
    public async Task Pass_FailedTaskWithinItsBackoff_StaysInThePlanHeldBackAndIsNotSent()
    {
        var engine = new EngineFixture();
        engine.Api.QueueUpdates(ApplyPlans.Identity(1), ApiAnswers.Running);
        await engine.PassAsync(EngineFixture.Snapshot(2));

        engine.Clock.Advance(TimeSpan.FromSeconds(30));
        var run = await engine.PassAsync(EngineFixture.Snapshot(2), RunTrigger.Resync);

        var held = Assert.Single(run.Plan!.Entries, e => e.Identity == ApplyPlans.Identity(1));
        Assert.Equal(PlanAction.Adopt, held.Action);
        Assert.Equal(DeferralKind.HeldBack, held.Deferral!.Kind);
        Assert.Equal(EngineFixture.Start.AddMinutes(1), held.Deferral.RetryAt);
        Assert.Equal((6007, "2.0任务启动中,请先停止任务"), (held.Deferral.ApiCode, held.Deferral.LastMessage));
        Assert.Equal(2, engine.Api.Puts);
        Assert.Equal(new RunOutcomes(Unchanged: 1, HeldBack: 1), run.Outcomes);

        engine.Clock.Advance(TimeSpan.FromSeconds(31));
        var retried = await engine.PassAsync(EngineFixture.Snapshot(2), RunTrigger.Retry);
        Assert.Equal(new RunOutcomes(Applied: 1, Unchanged: 1), retried.Outcomes);
        Assert.Equal(3, engine.Api.Puts);
    }

    [Fact]
    public async Task Pass_OutsideTheSyncWindow_PlansEveryChangeAsPendingAndSendsNothing()
    {
        var engine = new EngineFixture(SyncSchedule.Parse("22:00-23:00", TimeZoneInfo.Utc));

        var run = await engine.PassAsync(EngineFixture.Snapshot(2));

        Assert.Equal(0, engine.Api.Puts);
        Assert.Empty(engine.Api.Calls);
        Assert.All(run.Plan!.Entries, e => Assert.Equal(DeferralKind.OutsideWindow, e.Deferral!.Kind));
        Assert.All(run.Plan.Entries, e => Assert.Equal(EngineFixture.Start.Date.AddHours(22), e.Deferral!.RetryAt!.Value.UtcDateTime));
        Assert.True(run.PendingForWindow);
        Assert.False(run.Record.Applied);
        Assert.Equal(new RunOutcomes(PendingWindow: 2), run.Outcomes);
    }

    [Fact]
    public async Task Pass_RunningTask_IsBlockedUpFrontWithoutAPut()
    {
        var engine = new EngineFixture();
        engine.Api.RunningTasks.Add(ApplyPlans.Identity(0));

        var run = await engine.PassAsync(EngineFixture.Snapshot(2));

        var blocked = Assert.Single(run.Plan!.Entries, e => e.Identity == ApplyPlans.Identity(0));
        Assert.Equal(DeferralKind.Running, blocked.Deferral!.Kind);
        Assert.DoesNotContain(("put", ApplyPlans.Identity(0)), engine.Api.Calls);
        Assert.Equal(new RunOutcomes(Applied: 1, Blocked: 1), run.Outcomes);
        Assert.Equal(ApplyOutcome.Blocked, Assert.Single(engine.Store.Attempts, a => a.Identity == ApplyPlans.Identity(0)).Outcome);
        Assert.NotNull(engine.Ledger.Get(ApplyPlans.Identity(0)).Backoff);
    }

    [Fact]
    public async Task Pass_TransientFailure_LeavesTheTaskInDoubtAndTheNextPlanResendsIt()
    {
        var engine = new EngineFixture();
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), ApiAnswers.Failed);

        var failed = await engine.PassAsync(EngineFixture.Snapshot(1));

        Assert.True(failed.Succeeded);
        Assert.Equal(new RunOutcomes(Failed: 1), failed.Outcomes);
        Assert.Empty(engine.Store.Applied);
        Assert.Null(Assert.Single(engine.Store.Intents).Outcome);

        engine.Clock.Advance(TimeSpan.FromMinutes(2));
        var pending = await engine.Engine.PlanAsync(EngineFixture.Snapshot(1), PlanOptions.Default, CancellationToken.None);
        var entry = Assert.Single(pending.Plan.Entries);
        Assert.Equal(PlanAction.Adopt, entry.Action);
        Assert.NotNull(entry.InDoubt);
    }

    [Fact]
    public async Task Pass_AnswerLostThenManifestReverted_SendsTheRevertedBodyAgain()
    {
        var engine = new EngineFixture();
        await engine.PassAsync(EngineFixture.Snapshot(1, "A"));
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), ApiAnswers.Failed);
        await engine.PassAsync(EngineFixture.Snapshot(1, "B"));

        engine.Clock.Advance(TimeSpan.FromHours(1));
        var reverted = await engine.PassAsync(EngineFixture.Snapshot(1, "A"));

        var entry = Assert.Single(reverted.Plan!.Entries);
        Assert.Equal((PlanAction.Update, UpdateReason.InDoubt), (entry.Action, entry.Reason));
        Assert.Equal(3, engine.Api.Puts);
        Assert.Equal(new RunOutcomes(Applied: 1), reverted.Outcomes);
        Assert.Empty(await engine.Store.LoadInDoubtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Pass_StateCannotBeWritten_SendsNothingFurtherAndTheRunIsAnError()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Store.FailWritesAfter = 0;

        var run = await engine.PassAsync(EngineFixture.Snapshot(3));

        Assert.Equal(0, engine.Api.Puts);
        Assert.False(run.Succeeded);
        Assert.Contains("state store failed, nothing more was sent", run.Error, StringComparison.Ordinal);
        Assert.Contains("disk I/O error", run.Error, StringComparison.Ordinal);
        Assert.Equal(new RunOutcomes(Cancelled: 3), run.Outcomes);
    }

    [Fact]
    public async Task Pass_StateFailsAfterTheFirstAnswer_TheUnrecordedTaskStaysInDoubtAndNoOtherIsSent()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Store.FailWritesAfter = 1; // the first intent is written, its answer cannot be

        var run = await engine.PassAsync(EngineFixture.Snapshot(3));

        Assert.False(run.Succeeded);
        Assert.True(engine.Api.Puts <= 2, $"{engine.Api.Puts} PUTs"); // parallelism 2: at most the requests already started
        Assert.Empty(engine.Store.Applied);
        var notRecorded = run.Report!.Results.Where(r => r.Outcome == ApplyOutcome.Failed).ToList();
        Assert.All(notRecorded, r => Assert.Contains("not recorded", r.Message, StringComparison.Ordinal));
        Assert.NotEmpty(notRecorded);

        // Each unrecorded task quotes its own state failure, not the first failure of the run (another task's).
        Assert.All(notRecorded, r => Assert.Contains($"task {r.Entry.Identity}", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_AgainstABaseRevision_NamesItAndCannotBeApplied()
    {
        var engine = new EngineFixture();
        var baseSnapshot = EngineFixture.Snapshot(1) with { Revision = "base0000" };

        var pending = await engine.Engine.Planning.PlanAsync(EngineFixture.Snapshot(2), CompareWith.BaseRevision(baseSnapshot), PlanOptions.Default, CancellationToken.None);

        Assert.Equal((BaselineKind.BaseRevision, "base0000"), (pending.Plan.Compared, pending.Plan.BaseRevision));
        Assert.Equal([PlanAction.Adopt, PlanAction.Unchanged], pending.Plan.Entries.Select(e => e.Action));
        Assert.All(pending.Plan.Entries.Where(e => e.Baseline is not null), e => Assert.Null(e.Baseline!.AppliedAt));
        Assert.Empty(engine.Api.Calls);
        await Assert.ThrowsAsync<ArgumentException>(() => engine.Engine.ApplyAsync(pending, RunTrigger.Cli, null, CancellationToken.None));
    }
}

using Reconciler.Core.Ledger;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using static Reconciler.Core.Tests.Ledger.LedgerRuns;

namespace Reconciler.Core.Tests.Ledger;

/// <summary>The ledger changes only by taking a finished run in; every reader sees the same memory.</summary>
public sealed class TaskLedgerTests
{
    [Fact]
    public void DelayAfter_DoublesFromBaseUpToMax() =>
        Assert.Equal([30, 60, 120, 240, 480, 600, 600], Enumerable.Range(1, 7).Select(n => EmptyLedger.Retry.DelayAfter(n).TotalSeconds));

    [Fact]
    public void After_FailedTask_IsHeldBackUntilItsDelayPasses()
    {
        var entry = Entry("{\"name\":\"a\"}");

        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Failed, message: "503"));

        Assert.NotNull(ledger.HeldBack(entry, T0.AddSeconds(29)));
        Assert.Null(ledger.HeldBack(entry, T0.AddSeconds(30)));
        Assert.Equal(T0.AddSeconds(30), ledger.NextRetryAt);
        Assert.Null(EmptyLedger.NextRetryAt);
    }

    [Fact]
    public void After_TwoFailures_DoublesTheDelay()
    {
        var entry = Entry("{\"name\":\"a\"}");

        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Blocked, 6007)).After(Attempt(T0.AddSeconds(30), entry, ApplyOutcome.Blocked, 6007));

        Assert.Equal((2, T0.AddSeconds(90)), (ledger.Get(TheTask).Backoff!.Failures, ledger.NextRetryAt));
    }

    [Fact]
    public void HeldBack_ChangedDesiredBody_IsTriedAtOnce()
    {
        var ledger = EmptyLedger.After(Attempt(T0, Entry("{\"name\":\"a\"}"), ApplyOutcome.Blocked, 6007, "running"));

        Assert.Null(ledger.HeldBack(Entry("{\"name\":\"b\"}"), T0.AddSeconds(1)));
    }

    [Fact]
    public void After_Rejected_WaitsForAManifestChangeNotForTime()
    {
        var entry = Entry("{\"name\":\"a\"}");

        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Rejected, 422, "bad"));

        Assert.NotNull(ledger.HeldBack(entry, T0.AddDays(30)));
        Assert.Null(ledger.NextRetryAt);
        Assert.Equal((ApplyOutcome.Rejected, 422, "bad"), (ledger.Get(TheTask).Backoff!.Outcome, ledger.Get(TheTask).Backoff!.ApiCode, ledger.Get(TheTask).Backoff!.Message));
    }

    [Fact]
    public void After_Applied_ForgetsTheTask()
    {
        var entry = Entry("{\"name\":\"a\"}");

        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Failed)).After(Attempt(T0.AddMinutes(1), entry, ApplyOutcome.Applied, 200));

        Assert.Same(TaskMemory.None, ledger.Get(TheTask));
    }

    [Fact]
    public void After_TaskNoLongerNeedingAPut_ForgetsItsBackoff()
    {
        var entry = Entry("{\"name\":\"a\"}");
        var failed = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Failed));

        var unchanged = failed.After(Run(T0.AddMinutes(1), [entry with { Action = PlanAction.Unchanged }]));

        Assert.Null(unchanged.Get(TheTask).Backoff);
        Assert.Null(unchanged.NextRetryAt);
    }

    [Fact]
    public void After_CancelledAttempt_KeepsTheStreak()
    {
        var entry = Entry("{\"name\":\"a\"}");

        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Failed)).After(Attempt(T0.AddMinutes(1), entry, ApplyOutcome.Cancelled));

        Assert.Equal(1, ledger.Get(TheTask).Backoff!.Failures);
    }

    [Fact]
    public void After_RunThatFailedBeforePlanning_ChangesNothing()
    {
        var ledger = EmptyLedger.After(Attempt(T0, Entry("{\"name\":\"a\"}"), ApplyOutcome.Failed));
        var fetchFailed = new ReconcileRun(new RunRecord(T0.AddMinutes(5), TimeSpan.Zero, null, RunTrigger.Poll, false, RunOutcomes.None, "fetch failed"), null, null);

        Assert.Same(ledger, ledger.After(fetchFailed));
    }

    [Fact]
    public void After_ChangesDeferredForTheWindow_ArePendingForTheWindowUntilApplied()
    {
        var entry = Entry("{\"name\":\"a\"}");
        var deferred = entry with { Deferral = new Deferral(DeferralKind.OutsideWindow, "closed", T0.AddHours(10)) };

        var waiting = EmptyLedger.After(Run(T0, [deferred]));
        var applied = waiting.After(Attempt(T0.AddHours(10), entry, ApplyOutcome.Applied, 200));

        Assert.True(waiting.PendingForWindow);
        Assert.False(applied.PendingForWindow);
    }

    [Fact]
    public void After_RefreshFindsDrift_RemembersItsFieldsUntilTheTaskIsReapplied_AndReportsItOnce()
    {
        var drifted = Entry("{\"name\":\"a\"}") with { Reason = UpdateReason.Drift, Refreshed = true, Changes = [new FieldChange("/name", "\"x\"", "\"a\"")] };
        var first = Run(T0, [drifted with { Deferral = new Deferral(DeferralKind.DriftReported, "reported") }]);

        var seen = EmptyLedger.After(first);
        var later = seen.After(Run(T0.AddMinutes(1), [drifted with { Refreshed = false, Reason = null, Deferral = null, Action = PlanAction.Unchanged }]));
        var healed = later.After(Attempt(T0.AddMinutes(5), drifted, ApplyOutcome.Applied, 200));

        Assert.Equal(["name"], seen.Get(TheTask).DriftFields);
        Assert.Equal(1, seen.DriftedCount);
        Assert.Single(EmptyLedger.NewlyDrifted(first));
        Assert.Empty(seen.NewlyDrifted(first));
        Assert.Equal(["name"], later.Get(TheTask).DriftFields);
        Assert.Null(healed.Get(TheTask).DriftFields);
        Assert.Equal(1, healed.RecentHeals(TheTask, T0.AddMinutes(6)));
        Assert.Equal(0, healed.RecentHeals(TheTask, T0.AddMinutes(65)));
    }

    [Fact]
    public void FromHistory_CountsTheFailuresSinceTheLastSuccess()
    {
        var hash = CanonicalBody.FromJson("{\"name\":\"a\"}").Hash;
        ApplyAttempt Attempt(int minute, ApplyOutcome outcome) => new(T0.AddMinutes(minute), "c1", TheTask, outcome, null, null, TimeSpan.Zero, hash);

        var ledger = TaskLedger.FromHistory([Attempt(10, ApplyOutcome.Blocked), Attempt(9, ApplyOutcome.Failed), Attempt(8, ApplyOutcome.Blocked), Attempt(5, ApplyOutcome.Applied), Attempt(1, ApplyOutcome.Failed)], EmptyLedger.Retry);

        var seeded = ledger.Get(TheTask).Backoff!;
        Assert.Equal((3, ApplyOutcome.Blocked, T0.AddMinutes(10).AddMinutes(2)), (seeded.Failures, seeded.Outcome, seeded.RetryAt));
        Assert.NotNull(ledger.HeldBack(Entry("{\"name\":\"a\"}"), T0.AddMinutes(11)));
    }
}

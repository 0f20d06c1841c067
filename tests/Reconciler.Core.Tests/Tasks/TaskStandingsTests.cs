using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;
using static Reconciler.Core.Tests.Ledger.LedgerRuns;

namespace Reconciler.Core.Tests.Tasks;

/// <summary>The one rule for a task's state, from a run and the ledger after it: pure, no host.</summary>
public sealed class TaskStandingsTests
{
    [Fact]
    public void Derive_RejectedThenTheNextPass_StaysRejectedWithTheMessageAndNoRetryTime()
    {
        var entry = Entry("{\"name\":\"a\"}");
        var rejected = Attempt(T0, entry, ApplyOutcome.Rejected, 422, "线路余量不足");
        var ledger = EmptyLedger.After(rejected);
        var first = Assert.Single(TaskStandings.Derive(rejected, ledger)!);

        // The next pass: the same body is held back by the ledger (plan data), nothing is sent.
        var next = Run(T0.AddMinutes(5), DeferralPolicy.Apply(new Plan([entry], "r1"), ledger, null, T0.AddMinutes(5)).Entries);
        ledger = ledger.After(next);
        var second = Assert.Single(TaskStandings.Derive(next, ledger)!);

        foreach (var task in new[] { first, second })
        {
            Assert.Equal((TaskState.Rejected, 422, "线路余量不足", 1), (task.State, task.ApiCode, task.Message, task.Failures));
            Assert.Null(task.RetryAt);
        }

        Assert.Equal("changes to the manifest will retry it", TaskState.Rejected.Next());
        Assert.Equal(new RunOutcomes(Rejected: 1), next.Outcomes);
    }

    [Fact]
    public void Derive_RejectedThenTheManifestChanges_IsSentAgain()
    {
        var ledger = EmptyLedger.After(Attempt(T0, Entry("{\"name\":\"a\"}"), ApplyOutcome.Rejected, 422, "bad"));

        var changed = DeferralPolicy.Apply(new Plan([Entry("{\"name\":\"b\"}")], "r2"), ledger, null, T0.AddMinutes(5));

        Assert.Null(Assert.Single(changed.Entries).Deferral);
    }

    [Fact]
    public void Derive_BlockedThenTheNextPass_IsHeldBackWithItsRetryTime()
    {
        var entry = Entry("{\"name\":\"a\"}");
        var ledger = EmptyLedger.After(Attempt(T0, entry, ApplyOutcome.Blocked, 6007, "2.0任务启动中,请先停止任务"));

        var next = Run(T0.AddSeconds(10), DeferralPolicy.Apply(new Plan([entry], "r1"), ledger, null, T0.AddSeconds(10)).Entries);
        var task = Assert.Single(TaskStandings.Derive(next, ledger.After(next))!);

        Assert.Equal((TaskState.HeldBack, 6007, T0.AddSeconds(30)), (task.State, task.ApiCode, task.RetryAt));
        Assert.Equal(new RunOutcomes(HeldBack: 1), next.Outcomes);
    }

    [Theory]
    [InlineData(ApplyOutcome.Applied, TaskState.Applied)]
    [InlineData(ApplyOutcome.Blocked, TaskState.Blocked)]
    [InlineData(ApplyOutcome.Rejected, TaskState.Rejected)]
    [InlineData(ApplyOutcome.Failed, TaskState.Failed)]
    [InlineData(ApplyOutcome.Unauthorized, TaskState.Unauthorized)]
    [InlineData(ApplyOutcome.Cancelled, TaskState.Cancelled)]
    public void StateOf_AResult_IsItsOutcome(ApplyOutcome outcome, TaskState state)
    {
        var entry = Entry("{\"name\":\"a\"}");

        Assert.Equal(state, TaskStandings.StateOf(entry, new TaskApplyResult(entry, outcome, null, null, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(DeferralKind.OutsideWindow, TaskState.PendingWindow)]
    [InlineData(DeferralKind.DriftReported, TaskState.Drifted)]
    [InlineData(DeferralKind.Fighting, TaskState.Fighting)]
    public void StateOf_ADeferral_IsItsState(DeferralKind kind, TaskState state) =>
        Assert.Equal(state, TaskStandings.StateOf(Entry("{}") with { Deferral = new Deferral(kind, "why") }, null));

    [Fact]
    public void StateOf_AChangeNeitherSentNorDeferred_IsPending_AndActionsLeftAloneAreTheirState()
    {
        var entry = Entry("{}");

        Assert.Equal(TaskState.Pending, TaskStandings.StateOf(entry, null));
        Assert.Equal(TaskState.InSync, TaskStandings.StateOf(entry with { Action = PlanAction.Unchanged }, null));
        Assert.Equal(TaskState.Suspended, TaskStandings.StateOf(entry with { Action = PlanAction.Suspended }, null));
        Assert.Equal(TaskState.Invalid, TaskStandings.StateOf(entry with { Action = PlanAction.Invalid }, null));
        Assert.Equal(TaskState.Unmanaged, TaskStandings.StateOf(entry with { Action = PlanAction.Unmanage }, null));
    }

    [Fact]
    public void Words_EveryStateHasOneWordThatReadsBack_AndOnlyTheFineOnesNeedNobody()
    {
        var words = TaskStateWords.All.Select(s => s.ToWord()).ToList();

        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.All(TaskStateWords.All, s => Assert.Equal(s, TaskStateWords.Parse(s.ToWord())));
        Assert.Equal([TaskState.InSync, TaskState.Applied, TaskState.Suspended, TaskState.Unmanaged], TaskStateWords.All.Where(s => !s.NeedsAttention()).OrderBy(s => s));
        Assert.Equal(TaskState.Blocked, TaskStateWords.All.MinBy(s => s.Rank()));
        Assert.Throws<FormatException>(() => TaskStateWords.Parse("waiting"));
    }

    [Fact]
    public void RunOutcomes_EveryWordIsAStateCount()
    {
        Assert.All(RunOutcomes.Words, w => Assert.Equal(w == "unchanged" ? "in_sync" : w, RunOutcomes.StateOf(w).ToWord()));
    }
}

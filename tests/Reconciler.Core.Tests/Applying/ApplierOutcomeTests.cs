using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

public sealed class ApplierOutcomeTests
{
    private static readonly ApplyOptions Serial = new(Parallelism: 1);

    [Fact]
    public async Task Apply_Applied_WritesTheDesiredBodyAndOneAttempt()
    {
        var plan = ApplyPlans.Adopt(1);
        var store = new FakeStateStore();

        var report = await new Applier(new FakeTaskApi(), store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        var entry = Assert.Single(plan.Entries);
        var record = Assert.Single(store.Applied.Values);
        Assert.Equal(entry.Desired!.Body, record.Body);
        Assert.Equal("tasks/t000.yaml", record.SourceFile);
        Assert.Equal(ApplyPlans.Revision, record.SourceRevision);
        var attempt = Assert.Single(store.Attempts);
        Assert.Equal((ApplyOutcome.Applied, 200, entry.Desired.Body.Hash, ApplyPlans.Revision), (attempt.Outcome, attempt.ApiCode, attempt.BodyHash, attempt.Revision));
        Assert.Equal(ApplyOutcome.Applied, Assert.Single(report.Results).Outcome);
        Assert.True(report.Succeeded);
    }

    [Theory]
    [InlineData(ApplyOutcome.Blocked)]
    [InlineData(ApplyOutcome.Rejected)]
    [InlineData(ApplyOutcome.Failed)]
    [InlineData(ApplyOutcome.Unauthorized)]
    public async Task Apply_NotApplied_LeavesStateUntouchedAndAppendsTheAttempt(ApplyOutcome outcome)
    {
        var old = ApplyPlans.OldRecord(0);
        var store = new FakeStateStore(old);
        var plan = ApplyPlans.Adopt(1, inventory: store.Applied);
        Assert.Equal(PlanAction.Update, Assert.Single(plan.Entries).Action);
        var api = new FakeTaskApi();
        var answer = ApiAnswers.For(outcome);
        api.QueueUpdates(old.Identity, answer);

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(0, store.RecordAppliedCalls);
        Assert.Same(old, store.Applied[old.Identity]);
        // A transient failure is not a definitive answer: the platform may hold the body, so the task is in doubt.
        var message = outcome == ApplyOutcome.Failed
            ? $"{answer.Message}; the platform may or may not have applied it: the task is in doubt and is sent again on the next run"
            : answer.Message;
        var attempt = Assert.Single(store.Attempts);
        Assert.Equal((outcome, answer.ApiCode, message), (attempt.Outcome, attempt.ApiCode, attempt.Message));
        var result = Assert.Single(report.Results);
        Assert.Equal((outcome, message), (result.Outcome, result.Message));
        Assert.Equal(1, api.Puts);
        Assert.Equal(outcome == ApplyOutcome.Failed, (await store.LoadInDoubtAsync(CancellationToken.None)).ContainsKey(old.Identity));
    }

    [Fact]
    public async Task Apply_MixedOutcomes_RecordsOnlyTheAppliedAndReportsEveryTask()
    {
        var plan = ApplyPlans.Adopt(5);
        var api = new FakeTaskApi();
        api.QueueUpdates(ApplyPlans.Identity(1), ApiAnswers.Rejected);
        api.QueueUpdates(ApplyPlans.Identity(2), ApiAnswers.Failed);
        api.QueueUpdates(ApplyPlans.Identity(3), ApiAnswers.Running);
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, new ApplyOptions(Parallelism: 3), null, CancellationToken.None);

        Assert.Equal([ApplyPlans.Identity(0), ApplyPlans.Identity(4)], store.Applied.Keys.Order());
        Assert.Equal(5, store.Attempts.Count);
        Assert.Equal(
            [ApplyOutcome.Applied, ApplyOutcome.Rejected, ApplyOutcome.Failed, ApplyOutcome.Blocked, ApplyOutcome.Applied],
            report.Results.Select(r => r.Outcome));
        Assert.False(report.Succeeded);
        Assert.Equal("Apply: 2 applied, 1 blocked (running), 1 rejected, 1 failed.", report.ToString());
    }

    [Fact]
    public async Task Apply_Unmanage_ForgetsTheRecordWithoutCallingTheApi()
    {
        var kept = ApplyPlans.OldRecord(0);
        var gone = ApplyPlans.OldRecord(7);
        var store = new FakeStateStore(kept, gone);
        var plan = ApplyPlans.Adopt(1, inventory: store.Applied);
        Assert.Equal([PlanAction.Update, PlanAction.Unmanage], plan.Entries.Select(e => e.Action));
        var api = new FakeTaskApi();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal([gone.Identity], store.Forgotten);
        Assert.DoesNotContain(api.Calls, c => c.Identity == gone.Identity);
        Assert.Equal(1, report.Unmanaged);
        Assert.Equal([kept.Identity], store.Applied.Keys);
        Assert.EndsWith(", 1 unmanaged.", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Unchanged_SendsNothing()
    {
        var first = ApplyPlans.Adopt(2);
        var inventory = first.Entries.ToDictionary(e => e.Identity!, e => new AppliedRecord(e.Identity!, e.Desired!.Body, e.File!, null, DateTimeOffset.UnixEpoch));
        var plan = ApplyPlans.Adopt(2, inventory: inventory);
        Assert.All(plan.Entries, e => Assert.Equal(PlanAction.Unchanged, e.Action));
        var api = new FakeTaskApi();
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Empty(api.Calls);
        Assert.Empty(report.Results);
        Assert.Empty(store.Attempts);
    }

    [Fact]
    public async Task Apply_Progress_IsReportedOncePerTask()
    {
        var plan = ApplyPlans.Adopt(4);
        var seen = new List<TaskApplyResult>();
        var progress = new RecordingProgress(seen);

        await new Applier(new FakeTaskApi(), new FakeStateStore()).ApplyAsync(plan, new ApplyOptions(2), progress, CancellationToken.None);

        Assert.Equal(plan.Entries.Select(e => e.Identity).Order(), seen.Select(r => r.Entry.Identity).Order());
    }
}

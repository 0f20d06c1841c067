using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>
/// No single answer holds a pass (issue 19, case 8): the running check's reads end within the pass's budget, a task
/// that did not answer in time is skipped with a typed deferral, and it backs off so the next passes do not wait for it.
/// </summary>
public sealed class SlowAnswerTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Check_AReadThatNeverAnswers_IsSkippedWithinTheBudget_TheOthersGoOn()
    {
        var api = new FakeTaskApi();
        api.SlowReads.Add(ApplyPlans.Identity(1));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var plan = await RemoteStateChecker.CheckAsync(ApplyPlans.Adopt(4), api, parallelism: 2, CancellationToken.None, Budget);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var slow = Assert.Single(plan.Entries, e => e.Deferral is not null);
        Assert.Equal(ApplyPlans.Identity(1), slow.Identity);
        Assert.Equal(DeferralKind.SlowAnswer, slow.Deferral!.Kind);
        Assert.Equal("slow_answer", slow.Deferral.Word);
        Assert.Equal(3, plan.ToSend.Count());
    }

    [Fact]
    public async Task Pass_ASlowTask_BacksOff_TheNextPassDoesNotReadItAgain()
    {
        var engine = new EngineFixture(readBudget: Budget);
        engine.Api.SlowReads.Add(ApplyPlans.Identity(0));

        var first = await engine.PassAsync(EngineFixture.Snapshot(3));
        var second = await engine.PassAsync(EngineFixture.Snapshot(3), RunTrigger.Webhook);

        Assert.Equal(DeferralKind.SlowAnswer, first.Plan!.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Deferral!.Kind);
        Assert.Equal(DeferralKind.HeldBack, second.Plan!.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Deferral!.Kind);
        Assert.Equal(1, engine.Api.OperationsFor(ApplyPlans.Identity(0)).Count(o => o == "state"));
        Assert.Equal(0, engine.Api.OperationsFor(ApplyPlans.Identity(0)).Count(o => o == "put"));
        Assert.Equal(2, engine.Api.Puts);
    }
}

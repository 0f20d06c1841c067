using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>
/// Fencing the platform (issue 19, case 1): a request that may still land (unanswered, its deadline not passed) holds
/// back a newer body for its task until the deadline; a task re-sent after being in doubt is read back before it is
/// recorded as applied; an answered request whose every attempt was answered no longer fences anything.
/// </summary>
public sealed class FencingTests
{
    [Fact]
    public async Task Pass_AnUnansweredRequestWithAnotherBody_HoldsTheNewBodyUntilItsDeadline()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), new TaskApiResult(ApplyOutcome.Failed, null, "no answer within 30 s (1 attempt)", null));
        await engine.PassAsync(EngineFixture.Snapshot(2, "v1"));
        var deadline = Assert.Single(await engine.Store.LoadInDoubtAsync(CancellationToken.None)).Value.Deadline!.Value;
        Assert.Equal(EngineFixture.Start + ITaskApi.DefaultUpdateDeadline, deadline);

        engine.Clock.Advance(TimeSpan.FromSeconds(10));
        var held = await engine.PassAsync(EngineFixture.Snapshot(2, "v2"));

        var entry = Assert.Single(held.Plan!.Entries, e => e.Identity == ApplyPlans.Identity(0));
        Assert.Equal(DeferralKind.InFlight, entry.Deferral!.Kind);
        Assert.Equal(deadline + InFlightPolicy.ClockMargin, entry.Deferral.RetryAt);
        Assert.True(engine.Ledger.NextRetryAt <= deadline + InFlightPolicy.ClockMargin, "the loop wakes by the deadline");
        Assert.Equal(1, engine.Api.OperationsFor(ApplyPlans.Identity(0)).Count(o => o == "put"));

        engine.Clock.Advance(deadline + InFlightPolicy.ClockMargin - engine.Clock.GetUtcNow());
        engine.Api.Details[ApplyPlans.Identity(0)] = Live("v2", 0);
        var sent = await engine.PassAsync(EngineFixture.Snapshot(2, "v2"));

        Assert.Equal(ApplyOutcome.Applied, Assert.Single(sent.Report!.Results, r => r.Entry.Identity == ApplyPlans.Identity(0)).Outcome);
        Assert.Null(engine.Ledger.NextRetryAt);
    }

    [Fact]
    public async Task Pass_AnUnansweredRequestWithTheSameBody_DoesNotHoldTheTaskBack()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), new TaskApiResult(ApplyOutcome.Failed, null, "no answer", null));
        await engine.PassAsync(EngineFixture.Snapshot(1, "v1"));
        engine.Api.Details[ApplyPlans.Identity(0)] = Live("v1", 0);

        // Past the task's backoff, well before the old request's deadline: a late landing of the same body changes nothing.
        engine.Clock.Advance(TimeSpan.FromSeconds(61));
        var run = await engine.PassAsync(EngineFixture.Snapshot(1, "v1"));

        Assert.Equal(ApplyOutcome.Applied, Assert.Single(run.Report!.Results).Outcome);
        Assert.Equal(2, engine.Api.Puts);
    }

    [Fact]
    public async Task Pass_ReSentAfterDoubt_ReadBackShowsAnotherBody_StaysInDoubt()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), new TaskApiResult(ApplyOutcome.Failed, null, "no answer", null));
        await engine.PassAsync(EngineFixture.Snapshot(1, "v1"));

        // The platform accepts the re-send, but holds something else when read back (a late request landed after it).
        engine.Api.Details[ApplyPlans.Identity(0)] = Live("someone-else", 0);
        engine.Clock.Advance(TimeSpan.FromSeconds(61));
        var run = await engine.PassAsync(EngineFixture.Snapshot(1, "v1"));

        var result = Assert.Single(run.Report!.Results);
        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Contains("reading it back shows other values", result.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Store.Applied);
        Assert.Single(await engine.Store.LoadInDoubtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Pass_AnsweredAfterAnUnansweredAttempt_FencesUntilTheDeadline_OtherwiseNot()
    {
        var engine = new EngineFixture(runningCheck: false);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), ApiAnswers.Applied with { MayLandLater = true });
        await engine.PassAsync(EngineFixture.Snapshot(2, "v1"));

        var open = await engine.Store.LoadOpenRequestsAsync(engine.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(ApplyPlans.Identity(0), Assert.Single(open).Identity);
        var run = await engine.PassAsync(EngineFixture.Snapshot(2, "v2"));
        Assert.Equal(DeferralKind.InFlight, run.Plan!.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Deferral!.Kind);
        Assert.Null(run.Plan.Entries.Single(e => e.Identity == ApplyPlans.Identity(1)).Deferral);
    }

    /// <summary>A live detail that carries only the name (the other fields are not compared): <c>{name}-{index}</c>, as the snapshot names it.</summary>
    private static System.Text.Json.Nodes.JsonObject Live(string name, int index) => new() { ["name"] = $"{name}-{index}" };
}

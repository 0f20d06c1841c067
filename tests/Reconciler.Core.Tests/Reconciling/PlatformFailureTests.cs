using Reconciler.Core.Applying;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>
/// Fail fast: a platform that cannot be reached, or a token it refuses, stops the run's requests at the first answer
/// that says so (reads included), leaves nothing in doubt that was never sent, and is one fact in the run's result.
/// </summary>
public sealed class PlatformFailureTests
{
    private static readonly PlatformFailure Unreachable = new(PlatformFailureKind.Unreachable, null, "the platform at http://127.0.0.1:9 cannot be reached (no connection could be made): nothing was sent");

    private static readonly PlatformFailure Refused = new(PlatformFailureKind.Unauthorized, TestManifests.UserId, "the platform refused the token from RECONCILER_API_TOKEN");

    [Fact]
    public async Task Pass_ConnectionRefusedOnTheFirstPut_SendsNothingMore_AndNothingIsInDoubt()
    {
        var engine = new EngineFixture(runningCheck: false, parallelism: 1);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), TaskApiResult.NotSent(Unreachable) with { Message = "no connection could be made: nothing was sent" });

        var run = await engine.PassAsync(EngineFixture.Snapshot(5));

        Assert.Equal(1, engine.Api.Puts);
        Assert.Equal([Unreachable], run.PlatformFailures);
        Assert.False(run.Succeeded);
        Assert.Equal(Unreachable.Message, run.Error);
        Assert.Empty(await engine.Store.LoadInDoubtAsync(CancellationToken.None));
        Assert.All(run.Report!.Results, r => Assert.Equal(Unreachable, r.Platform));
        Assert.All(run.Report.Results, r => Assert.Equal(RequestDelivery.NotSent, r.Delivery));

        // Only the request that was tried left an intent (settled: nothing reached the platform).
        Assert.Equal("failed", Assert.Single(engine.Store.Intents).Outcome);
    }

    [Fact]
    public async Task Pass_TokenRefusedOnTheFirstRead_SendsNoPutAtAll()
    {
        var engine = new EngineFixture(parallelism: 1);
        engine.Api.FailedReads[ApplyPlans.Identity(0)] = Refused;

        var pending = await engine.Engine.PlanAsync(EngineFixture.Snapshot(4), PlanOptions.Default, CancellationToken.None);
        var run = await engine.Engine.ApplyAsync(pending, RunTrigger.Poll, null, CancellationToken.None);

        Assert.Equal([Refused], pending.PlatformFailures);
        Assert.Equal(1, engine.Api.Calls.Count(c => c.Operation == "state"));
        Assert.Equal(0, engine.Api.Puts);
        Assert.Empty(engine.Store.Intents);
        Assert.All(run.Report!.Results, r => Assert.Equal(ApplyOutcome.Unauthorized, r.Outcome));
        Assert.Equal(Refused.Message, run.Error);
    }

    [Fact]
    public async Task Pass_ATransientFailureAfterSending_StaysInDoubt_AndDoesNotStopTheRun()
    {
        var engine = new EngineFixture(runningCheck: false, parallelism: 1);
        engine.Api.QueueUpdates(ApplyPlans.Identity(0), new TaskApiResult(ApplyOutcome.Failed, null, "no answer within 30 s (5 attempts)", null));

        var run = await engine.PassAsync(EngineFixture.Snapshot(3));

        Assert.Equal(3, engine.Api.Puts);
        Assert.Empty(run.PlatformFailures);
        Assert.Single(await engine.Store.LoadInDoubtAsync(CancellationToken.None));
    }

    [Fact]
    public void Gate_ARefusedTokenStopsOnlyItsAccount_AnUnreachablePlatformStopsEveryone()
    {
        var gate = new PlatformGate();
        gate.Observe(Refused);
        gate.Observe(Refused with { Message = "the same fact again" });

        Assert.Equal(Refused, gate.Blocking(TestManifests.UserId));
        Assert.Null(gate.Blocking("another-account"));

        gate.Observe(Unreachable);
        Assert.Equal(Unreachable, gate.Blocking("another-account"));
        Assert.Equal([Refused, Unreachable], gate.Failures);
    }
}

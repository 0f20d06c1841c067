using Reconciler.Core.Applying;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>6007 (task running) and <c>metadata.stop_before_update</c>.</summary>
public sealed class ApplierRunningTaskTests
{
    private static readonly ApplyOptions Serial = new(Parallelism: 1);

    [Fact]
    public async Task Apply_RunningKnownBeforehand_SendsNoPutAndIsBlocked()
    {
        var plan = ApplyPlans.WithRemote(ApplyPlans.Adopt(1), running: true);
        var api = new FakeTaskApi();
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Empty(api.Calls);
        Assert.Empty(store.Applied);
        var attempt = Assert.Single(store.Attempts);
        // No PUT was sent, so no 6007 was answered: the attempt says what the running check read instead.
        Assert.Equal((ApplyOutcome.Blocked, (int?)null), (attempt.Outcome, attempt.ApiCode));
        Assert.Equal("not sent: the task detail reads it as running (执行中); stop it or set metadata.stop_before_update: true", attempt.Message);
        Assert.True(report.AnyBlocked);
        Assert.True(report.Succeeded); // blocked is "retry later", not an error
    }

    [Fact]
    public async Task Apply_KnownNotRunning_PutsOnce()
    {
        var plan = ApplyPlans.WithRemote(ApplyPlans.Adopt(1, stopBeforeUpdate: true), running: false);
        var api = new FakeTaskApi();

        await new Applier(api, new FakeStateStore()).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(["put"], api.OperationsFor(ApplyPlans.Identity(0)));
    }

    [Fact]
    public async Task Apply_RunningWithStopBeforeUpdate_StopsThenPutsAndRecords()
    {
        var plan = ApplyPlans.WithRemote(ApplyPlans.Adopt(1, stopBeforeUpdate: true), running: true);
        var api = new FakeTaskApi();
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(["stop", "put"], api.OperationsFor(ApplyPlans.Identity(0)));
        var result = Assert.Single(report.Results);
        Assert.Equal((ApplyOutcome.Applied, true), (result.Outcome, result.Stopped));
        Assert.Single(store.Applied);
        Assert.Equal([ApplyOutcome.Stopped, ApplyOutcome.Applied], store.Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Apply_RunningNotKnownWithStopBeforeUpdate_StopsAfter6007AndRetriesOnce()
    {
        var plan = ApplyPlans.Adopt(1, stopBeforeUpdate: true);
        var identity = ApplyPlans.Identity(0);
        var api = new FakeTaskApi();
        api.QueueUpdates(identity, ApiAnswers.Running, ApiAnswers.Applied);
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(["put", "stop", "put"], api.OperationsFor(identity));
        var result = Assert.Single(report.Results);
        Assert.Equal((ApplyOutcome.Applied, true), (result.Outcome, result.Stopped));
        Assert.Single(store.Applied);
        Assert.False(report.AnyBlocked);
    }

    [Fact]
    public async Task Apply_StillRunningAfterStop_IsBlockedAndNotRecorded()
    {
        var plan = ApplyPlans.Adopt(1, stopBeforeUpdate: true);
        var identity = ApplyPlans.Identity(0);
        var api = new FakeTaskApi();
        api.QueueUpdates(identity, ApiAnswers.Running, ApiAnswers.Running);
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        // One stop and one retry only: a task that restarts at once is left for the next run, not fought over.
        Assert.Equal(["put", "stop", "put"], api.OperationsFor(identity));
        Assert.Equal(ApplyOutcome.Blocked, Assert.Single(report.Results).Outcome);
        Assert.Empty(store.Applied);
    }

    [Fact]
    public async Task Apply_RunningNotKnownWithoutStopBeforeUpdate_IsBlockedAfterOnePut()
    {
        var plan = ApplyPlans.Adopt(1);
        var identity = ApplyPlans.Identity(0);
        var api = new FakeTaskApi();
        api.QueueUpdates(identity, ApiAnswers.Running);
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(["put"], api.OperationsFor(identity));
        Assert.Equal(ApplyOutcome.Blocked, Assert.Single(report.Results).Outcome);
        Assert.Empty(store.Applied);
        Assert.Equal(ApplyOutcome.Blocked, Assert.Single(store.Attempts).Outcome);
    }

    [Fact]
    public async Task Apply_StopRefused_DoesNotPutAndKeepsTheApiMessage()
    {
        var plan = ApplyPlans.WithRemote(ApplyPlans.Adopt(1, stopBeforeUpdate: true), running: true);
        var identity = ApplyPlans.Identity(0);
        var api = new FakeTaskApi();
        api.QueueStops(identity, ApiAnswers.Rejected);
        var store = new FakeStateStore();

        var report = await new Applier(api, store).ApplyAsync(plan, Serial, null, CancellationToken.None);

        Assert.Equal(["stop"], api.OperationsFor(identity));
        var result = Assert.Single(report.Results);
        Assert.Equal(ApplyOutcome.Rejected, result.Outcome);
        Assert.Contains(ApiAnswers.Rejected.Message!, result.Message, StringComparison.Ordinal);
        Assert.Empty(store.Applied);
    }
}

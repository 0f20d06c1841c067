using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.TaskApi.Tests;

/// <summary>Transient faults are retried until the call converges or gives up; the simulator counts every attempt.</summary>
public sealed class ResilienceTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorAccount _account = sim.CreateAccount();

    [Fact]
    public async Task Update_ServerErrorsThenSuccess_RetriesAndApplies()
    {
        var task = TaskWithFaults(FaultKind.InternalServerError, FaultKind.BadGateway, FaultKind.ServiceUnavailable);
        using var client = Client();

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        Assert.Equal(4, sim.Task(task).PutCount);
        Assert.Equal(1, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Update_ServerErrorOnEveryAttempt_FailsAfterRetries()
    {
        var task = TaskWithFaults(Enumerable.Repeat(FaultKind.ServiceUnavailable, 10).ToArray());
        using var client = Client(o => o.MaxRetryAttempts = 2);

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.HttpStatus);
        Assert.Contains("HTTP 503", result.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempts", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_NoRetriesConfigured_SendsOnce()
    {
        var task = TaskWithFaults(FaultKind.ServiceUnavailable);
        using var client = Client(o => o.MaxRetryAttempts = 0);

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_TooManyRequests_WaitsRetryAfterThenApplies()
    {
        var task = sim.CreateTask(_account);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.TooManyRequests) { TaskId = task.TaskId, RetryAfterSeconds = 1 });
        using var client = Client(); // base delay 1 ms: only Retry-After can explain a one-second wait

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        var puts = sim.State.GetRequestLog().Where(e => e.TaskId == task.TaskId).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(2, puts.Count);
        var gap = puts[1].ReceivedAt - puts[0].ReceivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"retried after {gap.TotalMilliseconds} ms");
        Assert.Contains(client.Logs.Lines, line => line.Contains("HTTP 429", StringComparison.Ordinal) && line.Contains("retrying in 1000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_RetryAfterBeyondTheLimit_FailsAtOnceForTheNextLoop()
    {
        var task = sim.CreateTask(_account);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.TooManyRequests) { TaskId = task.TaskId, RetryAfterSeconds = 120 });
        using var client = Client(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(429, result.HttpStatus);
        Assert.Contains("asked to wait 120 s", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_AttemptTimesOut_RetriesAndApplies()
    {
        var task = sim.CreateTask(_account);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.Timeout) { TaskId = task.TaskId, Delay = TimeSpan.FromMinutes(5) });
        using var client = Client(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        // At least one retry; on a loaded machine a slow later attempt may time out too, which is fine.
        Assert.True(sim.Task(task).PutCount >= 2);
        Assert.Equal(FaultKind.Timeout, sim.State.GetRequestLog().Where(e => e.TaskId == task.TaskId).MinBy(e => e.Sequence)!.Fault);
    }

    [Fact]
    public async Task Update_EveryAttemptTimesOut_FailsWithinTotalTimeout()
    {
        var task = TaskWithFaults(Enumerable.Repeat(FaultKind.Timeout, 50).ToArray());
        using var client = Client(o =>
        {
            o.MaxRetryAttempts = 50;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            // Generous against a loaded machine, where a cold first attempt can take most of a short total.
            o.TotalTimeout = TimeSpan.FromMilliseconds(2500);
        });

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.Contains("no answer within", result.Message, StringComparison.Ordinal);
        // The client retried (its own count: a loaded server may not even see every short attempt) and stopped at the total.
        Assert.Matches(@"\((\d{2,}|[2-9]) attempts\)", result.Message);
        Assert.True(sim.Task(task).PutCount >= 1);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Update_DroppedConnections_RetriesAndApplies()
    {
        var task = TaskWithFaults(FaultKind.DropConnection, FaultKind.DropConnection);
        using var client = Client();

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        Assert.Equal(3, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_DroppedEveryTime_FailsNamingTheConnection()
    {
        var task = TaskWithFaults(Enumerable.Repeat(FaultKind.DropConnection, 10).ToArray());
        using var client = Client(o => o.MaxRetryAttempts = 1);

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Contains("connection failed", result.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DroppedAfterTheServerApplied_ResendsTheSameBodyHarmlessly()
    {
        // The idempotent full replace is what makes retrying a PUT safe.
        var task = TaskWithFaults(FaultKind.DropAfterProcessing);
        using var client = Client();

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        Assert.Equal(2, sim.Task(task).AppliedCount);
        Assert.Equal(SampleBodies.V2(), sim.Task(task).Body);
    }

    [Fact]
    public async Task Update_ForcedTaskRunning_IsNotRetried()
    {
        var task = TaskWithFaults(FaultKind.TaskRunning);
        using var client = Client();

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Blocked, result.Outcome);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Stop_TransientFailure_IsRetried()
    {
        var task = sim.CreateTask(_account, running: true);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.ServiceUnavailable) { TaskId = task.TaskId, Operation = ApiOperation.StopTask });
        using var client = Client();

        var result = await client.Api.StopTaskAsync(task, null, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Stopped, result.Outcome);
        Assert.Equal(2, sim.Task(task).StopCount);
    }

    [Fact]
    public async Task Update_CallerCancelsDuringHang_ThrowsOperationCanceled()
    {
        var task = TaskWithFaults(FaultKind.Timeout);
        using var client = Client();
        using var cancel = new CancellationTokenSource();
        var update = client.Api.UpdateTaskAsync(task, SampleBodies.V2(), cancel.Token);

        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.PutCount == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => update.WaitAsync(SimulatorFixture.WaitLimit));
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    private TaskIdentity TaskWithFaults(params FaultKind[] kinds)
    {
        var task = sim.CreateTask(_account);
        foreach (var kind in kinds)
        {
            sim.State.EnqueueFault(new QueuedFault(kind) { TaskId = task.TaskId, Delay = kind == FaultKind.Timeout ? TimeSpan.FromMinutes(5) : TimeSpan.Zero });
        }

        return task;
    }

    private ClientHarness Client(Action<TaskApiOptions>? tweak = null) =>
        ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token), tweak);
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Transient faults queued in the simulator for one task's updates are retried and converge. Retry delays come
/// from RECONCILER_API_RETRY_BASE_DELAY_MS (10 ms here, set by <see cref="ApplyWorkspace"/>).
/// </summary>
public sealed class ApplyFaultTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData(FaultKind.InternalServerError)]
    [InlineData(FaultKind.BadGateway)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.DropConnection)]
    public async Task Apply_TransientFaults_AreRetriedAndConverge(FaultKind kind)
    {
        using var work = new ApplyWorkspace(simulator);
        var faulty = work.AddTask("a.yaml");
        var healthy = work.AddTask("b.yaml");
        Enqueue(faulty, kind, count: 2);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Apply: 2 applied", result.Out, StringComparison.Ordinal);
        Assert.Equal((3, 1), (work.Task(faulty).PutCount, work.Task(faulty).AppliedCount));
        Assert.Equal(1, work.Task(healthy).PutCount);
        Assert.Equal(work.Desired(faulty).Body.Json, work.Task(faulty).Body);
        Assert.Equal(2, (await work.StateAsync()).Count);
        Assert.Contains("retrying in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_TooManyRequests_WaitsAsTheRetryAfterHeaderSays()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.TooManyRequests) { TaskId = identity.TaskId, Operation = ApiOperation.UpdateTask, RetryAfterSeconds = 1 });

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((2, 1), (work.Task(identity).PutCount, work.Task(identity).AppliedCount));
        // The server's Retry-After (1 s) wins over the 10 ms backoff.
        Assert.Contains("attempt 1 failed (HTTP 429", result.Error, StringComparison.Ordinal);
        Assert.Contains("retrying in 1000 ms", result.Error, StringComparison.Ordinal);
        var log = simulator.State.GetRequestLog().Where(e => e.TaskId == identity.TaskId && e.Operation == ApiOperation.UpdateTask).ToList();
        Assert.True(log[1].ReceivedAt - log[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), $"retried after {(log[1].ReceivedAt - log[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Trait("Category", "Slow")] // waits out attempt timeouts
    [Fact]
    public async Task Apply_AttemptTimesOut_IsRetriedAndConverges()
    {
        using var work = new ApplyWorkspace(simulator);
        // A hung attempt is given up after 3 s (default 30 s); long enough that a normal answer on a loaded machine is not cut off.
        work.Environment["RECONCILER_API_ATTEMPT_TIMEOUT_MS"] = "3000";
        var identity = work.AddTask("a.yaml");
        Enqueue(identity, FaultKind.Timeout, count: 1);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((2, 1), (work.Task(identity).PutCount, work.Task(identity).AppliedCount));
        Assert.Contains(identity, (await work.StateAsync()).Keys);
    }

    [Fact]
    public async Task Apply_ConnectionDroppedAfterTheUpdateWasStored_ResendsTheSameBody()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        Enqueue(identity, FaultKind.DropAfterProcessing, count: 1);

        var result = await work.ApplyAsync();

        // Safe only because the PUT is a full replace: sending the same body twice leaves the task as once.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((2, 2), (work.Task(identity).PutCount, work.Task(identity).AppliedCount));
        Assert.Equal(work.Desired(identity).Body.Json, work.Task(identity).Body);
    }

    [Fact]
    public async Task Apply_FaultOutlastsTheRetries_FailsLeavesStateAndConvergesNextRun()
    {
        using var work = new ApplyWorkspace(simulator);
        work.Environment["RECONCILER_API_MAX_RETRIES"] = "2";
        var failing = work.AddTask("a.yaml");
        var healthy = work.AddTask("b.yaml");
        Enqueue(failing, FaultKind.ServiceUnavailable, count: 3);

        var failed = await work.ApplyAsync();

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("Apply: 1 applied, 0 blocked (running), 0 rejected, 1 failed.", failed.Out, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", failed.Error, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", failed.Error, StringComparison.Ordinal);
        Assert.Equal((3, 0), (work.Task(failing).PutCount, work.Task(failing).AppliedCount));
        Assert.Equal([healthy], (await work.StateAsync()).Keys);
        Assert.Contains(await work.AttemptsAsync(), a => a.Identity == failing && a.Outcome == ApplyOutcome.Failed);

        var next = await work.ApplyAsync();

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal((4, 1), (work.Task(failing).PutCount, work.Task(failing).AppliedCount));
        Assert.Equal(1, work.Task(healthy).PutCount);
    }

    private void Enqueue(Core.Manifests.TaskIdentity identity, FaultKind kind, int count) =>
        simulator.State.EnqueueFault(new QueuedFault(kind, count) { UserId = identity.UserId, TaskId = identity.TaskId, Operation = ApiOperation.UpdateTask });
}

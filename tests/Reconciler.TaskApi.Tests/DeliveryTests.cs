using System.Diagnostics;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.TaskApi.Tests;

/// <summary>
/// What reached the platform, whatever the outcome: a refused connection sent nothing (not in doubt, no retry, one
/// platform failure naming the URL); a refused token names its variable; an update never sends an attempt too late
/// for its deadline; a read whose answer drips is cut off at the read timeout.
/// </summary>
public sealed class DeliveryTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorAccount _account = sim.CreateAccount();

    [Fact]
    public async Task Update_ConnectionRefused_NothingSentNotRetried_AndThePlatformIsUnreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
        using var client = ClientHarness.Create(closed, ClientHarness.DefaultToken("t"), o => o.MaxRetryAttempts = 4);
        var clock = Stopwatch.StartNew();

        var result = await client.Api.UpdateTaskAsync(new TaskIdentity("u1", "t1"), SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(RequestDelivery.NotSent, result.Delivery);
        Assert.Equal(PlatformFailureKind.Unreachable, result.Platform!.Kind);
        Assert.Null(result.Platform.UserId);
        Assert.Contains(closed.ToString().TrimEnd('/'), result.Platform.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", result.Platform.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Logs.Lines, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Read_ConnectionRefused_ReportsThePlatformUnreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPorts.Closed()}/");
        using var client = ClientHarness.Create(closed, ClientHarness.DefaultToken("t"));

        var read = await client.Api.ReadTaskAsync(new TaskIdentity("u1", "t1"), null, CancellationToken.None);

        Assert.Null(read.State);
        Assert.Equal(PlatformFailureKind.Unreachable, read.Platform!.Kind);
    }

    [Fact]
    public async Task Update_WrongToken_IsAnAccountFailureNamingTheVariable()
    {
        var task = sim.CreateTask(_account);
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken("wrong-token"));

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Unauthorized, result.Outcome);
        Assert.Equal(RequestDelivery.Answered, result.Delivery);
        Assert.Equal(new PlatformFailure(PlatformFailureKind.Unauthorized, task.UserId, result.Platform!.Message), result.Platform);
        Assert.Contains(EnvironmentTokenSource.DefaultVariable, result.Platform.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", result.Platform.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DeadlineTooCloseForAnAttempt_SendsNothing()
    {
        var task = sim.CreateTask(_account);
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token), o => o.AttemptTimeout = TimeSpan.FromSeconds(5));

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(RequestDelivery.NotSent, result.Delivery);
        Assert.Null(result.Platform);
        Assert.Equal(0, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_NoRetryStartsAfterTheDeadlineLessOneAttempt()
    {
        // Every attempt hangs; attempts time out after 300 ms; the deadline allows attempts to start only in its first 300 ms.
        var task = sim.CreateTask(_account);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.Timeout, Count: 20) { TaskId = task.TaskId, Delay = TimeSpan.FromMinutes(5) });
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token), o =>
        {
            o.MaxRetryAttempts = 20;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });

        var result = await client.Api.UpdateTaskAsync(task, SampleBodies.V2(), TimeSpan.FromMilliseconds(600), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal(RequestDelivery.Unknown, result.Delivery);
        Assert.InRange(sim.Task(task).PutCount, 1, 2);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Read_AnswerThatDrips_IsCutOffAtTheReadTimeout()
    {
        var task = sim.CreateTask(_account, initialBody: SampleBodies.V2());
        sim.State.EnqueueFault(new QueuedFault(FaultKind.TrickleAnswer) { TaskId = task.TaskId, Operation = ApiOperation.TaskDetail, Delay = TimeSpan.FromSeconds(1) });
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token), o => o.ReadTimeout = TimeSpan.FromMilliseconds(700));
        var clock = Stopwatch.StartNew();

        var read = await client.Api.ReadTaskAsync(task, null, CancellationToken.None);

        Assert.Null(read.State);
        Assert.True(read.TimedOut);
        Assert.Null(read.Platform);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}

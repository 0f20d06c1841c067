using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.TaskApi.Tests;

/// <summary><see cref="Core.Applying.ITaskApi.GetTaskStateAsync"/> against the simulator's detail endpoint.</summary>
public sealed class TaskStateTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorAccount _account = sim.CreateAccount();
    private ClientHarness? _harness;

    private Core.Applying.ITaskApi Api => (_harness ??= ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token))).Api;

    public void Dispose() => _harness?.Dispose();

    [Theory]
    [InlineData(SimulatedTaskStatus.Dialling, true, "执行中")]
    [InlineData(SimulatedTaskStatus.Waiting, true, "等待执行")]
    [InlineData(SimulatedTaskStatus.Paused, false, "已暂停")]
    public async Task GetTaskState_ReadsRunState(SimulatedTaskStatus status, bool running, string text)
    {
        var task = sim.CreateTask(_account, initialBody: SampleBodies.V2());
        sim.State.SetStatus(task.UserId, task.TaskId, status);

        var state = await Api.GetTaskStateAsync(task, null, CancellationToken.None);

        Assert.Equal((running, text), (state!.Running, state.StatusText));
        Assert.StartsWith("status ", state.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTaskState_LegacyTaskWithoutNewTaskExtra_UsesStatus()
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy, SampleBodies.Legacy(), running: true);

        var state = await Api.GetTaskStateAsync(task, null, CancellationToken.None);

        Assert.True(state!.Running);
    }

    [Fact]
    public async Task GetTaskState_SubAccountTask_PassesSubUserId()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub-7");

        var state = await Api.GetTaskStateAsync(task, "sub-7", CancellationToken.None);

        Assert.True(state!.Running);
    }

    [Fact]
    public async Task GetTaskState_UnknownTask_IsNull()
    {
        var state = await Api.GetTaskStateAsync(new TaskIdentity(_account.UserId, "missing"), null, CancellationToken.None);

        Assert.Null(state);
    }

    [Fact]
    public async Task GetTaskState_RefusedToken_IsNull()
    {
        var task = sim.CreateTask(_account, running: true);
        using var harness = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken("tok-wrong"));

        Assert.Null(await harness.Api.GetTaskStateAsync(task, null, CancellationToken.None));
    }

    [Fact]
    public async Task GetTaskState_NoToken_IsNullWithoutRequest()
    {
        var task = sim.CreateTask(_account, running: true);
        using var harness = ClientHarness.Create(sim.BaseAddress, new Dictionary<string, string?>());

        Assert.Null(await harness.Api.GetTaskStateAsync(task, null, CancellationToken.None));
        Assert.Equal(0, sim.Task(task).DetailCount);
    }

    [Fact]
    public async Task GetTaskState_TransientFailure_IsRetried()
    {
        var task = sim.CreateTask(_account, running: true);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.BadGateway) { TaskId = task.TaskId });

        var state = await Api.GetTaskStateAsync(task, null, CancellationToken.None);

        Assert.True(state!.Running);
        Assert.Equal(2, sim.Task(task).DetailCount);
    }
}

using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Tests.Support;
using TaskApi.Simulator;

namespace Reconciler.TaskApi.Tests;

/// <summary>Each outcome of an update against the real simulator, and how often it was sent.</summary>
public sealed class UpdateOutcomeTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorAccount _account = sim.CreateAccount();
    private ClientHarness? _harness;

    private ITaskApi Api => (_harness ??= ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(_account.Token))).Api;

    public void Dispose() => _harness?.Dispose();

    [Fact]
    public async Task Update_ValidBody_IsAppliedAndStoredByteForByte()
    {
        var task = sim.CreateTask(_account);
        var body = SampleBodies.V2(name: "春季回访 🚀");

        var result = await Api.UpdateTaskAsync(task, body, CancellationToken.None);

        Assert.Equal(new TaskApiResult(ApplyOutcome.Applied, 200, "修改成功", 200), result);
        Assert.Equal(body, sim.Task(task).Body);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_LegacyBody_IsApplied()
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy);

        var result = await Api.UpdateTaskAsync(task, SampleBodies.Legacy(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
    }

    [Fact]
    public async Task Update_RunningTask_IsBlockedAndSentOnce()
    {
        var task = sim.CreateTask(_account, running: true);

        var result = await Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(new TaskApiResult(ApplyOutcome.Blocked, 6007, "2.0任务启动中,请先停止任务", 200), result);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_InvalidBody_IsRejectedWithApiMessageAndSentExactlyOnce()
    {
        var task = sim.CreateTask(_account);
        var body = SampleBodies.V2().Replace("\"holiday\":[],", "", StringComparison.Ordinal);

        var result = await Api.UpdateTaskAsync(task, body, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Rejected, result.Outcome);
        Assert.Equal(422, result.ApiCode);
        Assert.Contains("task_extras.holiday", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_UnknownTask_IsRejected()
    {
        var result = await Api.UpdateTaskAsync(new TaskIdentity(_account.UserId, "missing"), SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Rejected, result.Outcome);
        Assert.Equal("任务不存在", result.Message);
    }

    [Fact]
    public async Task Update_RefusedToken_IsUnauthorizedAndSentOnce()
    {
        var task = sim.CreateTask(_account);
        using var harness = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken("tok-not-valid"));

        var result = await harness.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.Contains(EnvironmentTokenSource.DefaultVariable, result.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_NoToken_IsUnauthorizedNamingTheVariableAndSendsNothing()
    {
        var task = sim.CreateTask(_account);
        using var harness = ClientHarness.Create(sim.BaseAddress, new Dictionary<string, string?>());

        var result = await harness.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Unauthorized, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.Contains(EnvironmentTokenSource.PerUserVariable(_account.UserId), result.Message, StringComparison.Ordinal);
        Assert.Contains(EnvironmentTokenSource.DefaultVariable, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Update_PerUserTokenOverride_WinsOverTheDefault()
    {
        var other = sim.CreateAccount();
        var mine = sim.CreateTask(_account);
        var theirs = sim.CreateTask(other);
        using var harness = ClientHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            [EnvironmentTokenSource.DefaultVariable] = _account.Token,
            [EnvironmentTokenSource.PerUserVariable(other.UserId)] = other.Token,
        });

        var first = await harness.Api.UpdateTaskAsync(mine, SampleBodies.V2(), CancellationToken.None);
        var second = await harness.Api.UpdateTaskAsync(theirs, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, first.Outcome);
        Assert.Equal(ApplyOutcome.Applied, second.Outcome);
    }

    [Fact]
    public async Task Update_TokenFromTokensFile_IsUsed()
    {
        var task = sim.CreateTask(_account);
        using var directory = new TestDirectory("tokens");
        var path = directory.Write("tokens", $"# mounted secret\nsomeone-else=abc\n{_account.UserId} = {_account.Token}\n");
        using var harness = ClientHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            [EnvironmentTokenSource.TokensFileVariable] = path,
            [EnvironmentTokenSource.DefaultVariable] = "tok-wrong-default",
        });

        var result = await harness.Api.UpdateTaskAsync(task, SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
    }

    [Fact]
    public async Task Update_CallerCancelled_ThrowsAndSendsNothing()
    {
        var task = sim.CreateTask(_account);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Api.UpdateTaskAsync(task, SampleBodies.V2(), cancelled.Token));
        Assert.Equal(0, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Stop_RunningTask_IsStopped()
    {
        var task = sim.CreateTask(_account, running: true);

        var result = await Api.StopTaskAsync(task, null, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Stopped, result.Outcome);
        Assert.False(sim.Task(task).Running);
    }

    [Fact]
    public async Task Stop_SubAccountTask_NamesTheSubAccount()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub/with odd chars");

        var result = await Api.StopTaskAsync(task, "sub/with odd chars", CancellationToken.None);

        Assert.Equal(ApplyOutcome.Stopped, result.Outcome);
        Assert.False(sim.Task(task).Running);
    }

    [Fact]
    public async Task Stop_UnknownTask_IsRejected()
    {
        var result = await Api.StopTaskAsync(new TaskIdentity(_account.UserId, "missing"), null, CancellationToken.None);

        Assert.Equal(ApplyOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Update_SubAccountTaskAfterStop_IsApplied()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub-1");

        await Api.StopTaskAsync(task, "sub-1", CancellationToken.None);
        var result = await Api.UpdateTaskAsync(task, SampleBodies.V2(subUserId: "sub-1"), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
    }
}

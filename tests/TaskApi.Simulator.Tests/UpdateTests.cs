using System.Net;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>The update endpoint: storage, 6007, authentication, unknown tasks and sub-accounts.</summary>
public sealed class UpdateTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Put_ValidBody_ReturnsDocumentedSuccess()
    {
        var task = sim.CreateTask(_account);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":200,\"status\":\"success\",\"message\":\"修改成功\",\"data\":\"\"}", answer.Text);
    }

    [Fact]
    public async Task Put_ValidBody_StoresRawTextByteForByte()
    {
        var task = sim.CreateTask(_account);
        // Odd spacing, a \u escape, a big id as a number and as a string, Chinese: none may be normalised away.
        var body = SampleBodies.V2().Replace("\"name\":\"测试api接口创建-222\"", "\"name\" :  \"\\u6d4b\\u8bd5 任务\"", StringComparison.Ordinal)
            .Replace("\"dial_time_id\":123", "\"dial_time_id\": 215870475195883521", StringComparison.Ordinal);

        var answer = await _client.PutTaskAsync(task, body, _account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.Equal(body, sim.Task(task).Body);
        Assert.Equal(1, sim.Task(task).AppliedCount);
    }

    [Theory]
    [InlineData(SimulatedTaskStatus.Dialling)]
    [InlineData(SimulatedTaskStatus.Waiting)]
    public async Task Put_RunningTask_Returns6007(SimulatedTaskStatus status)
    {
        var task = sim.CreateTask(_account, initialBody: "{}");
        sim.State.SetStatus(task.UserId, task.TaskId, status);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":6007,\"status\":\"error\",\"message\":\"2.0任务启动中,请先停止任务\",\"data\":[]}", answer.Text);
        Assert.Equal("{}", sim.Task(task).Body);
    }

    [Fact]
    public async Task Put_AfterStop_IsStored()
    {
        var task = sim.CreateTask(_account, running: true);
        await _client.StopTaskAsync(task, _account.Token);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_BadToken_Returns401()
    {
        var task = sim.CreateTask(_account);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(ApiCodes.Unauthenticated, answer.Code);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_NoToken_Returns401()
    {
        var answer = await _client.PutTaskAsync(sim.CreateTask(_account), SampleBodies.V2(), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task Put_AnotherAccountsToken_Returns401()
    {
        var other = sim.CreateAccount();

        var answer = await _client.PutTaskAsync(sim.CreateTask(_account), SampleBodies.V2(), other.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task Put_DefaultTokenConfigured_IsAcceptedForAnyAccount()
    {
        await using var own = await SimulatorFixture.StartAsync(new SimulatorOptions { DefaultToken = "shared-demo-token" });
        using var client = new SimulatorClient(own.BaseAddress);
        var task = own.CreateTask(own.CreateAccount());

        var answer = await client.PutTaskAsync(task, SampleBodies.V2(), "shared-demo-token");

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_UnknownTask_ReturnsTaskNotFoundCode()
    {
        var answer = await _client.PutTaskAsync(new TaskIdentity(_account.UserId, "no-such-task"), SampleBodies.V2(), _account.Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ApiCodes.TaskNotFound, answer.Code);
        Assert.Equal("任务不存在", answer.Message);
    }

    [Fact]
    public async Task Put_SubAccountTaskWithoutSubUserId_IsUnknown()
    {
        var task = sim.CreateTask(_account, subUserId: "sub-1");

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token);

        Assert.Equal(ApiCodes.TaskNotFound, answer.Code);
    }

    [Fact]
    public async Task Put_SubAccountTaskWithOtherSubUserId_IsUnknown()
    {
        var task = sim.CreateTask(_account, subUserId: "sub-1");

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(subUserId: "sub-2"), _account.Token);

        Assert.Equal(ApiCodes.TaskNotFound, answer.Code);
    }

    [Fact]
    public async Task Put_SubAccountTaskWithMatchingSubUserId_IsStored()
    {
        var task = sim.CreateTask(_account, subUserId: "sub-1");
        var body = SampleBodies.V2(subUserId: "sub-1");

        var answer = await _client.PutTaskAsync(task, body, _account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.Equal(body, sim.Task(task).Body);
    }

    [Fact]
    public async Task Put_MainAccountTaskWithSubUserId_IsUnknown()
    {
        var task = sim.CreateTask(_account);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(subUserId: "sub-1"), _account.Token);

        Assert.Equal(ApiCodes.TaskNotFound, answer.Code);
    }

    [Fact]
    public async Task Put_AutoCreateTasks_CreatesUnknownTaskWithGuessedFlavour()
    {
        await using var own = await SimulatorFixture.StartAsync(new SimulatorOptions { AutoCreateTasks = true, DefaultToken = "demo" });
        using var client = new SimulatorClient(own.BaseAddress);
        var v2 = new TaskIdentity("any-user", "new-v2");
        var legacy = new TaskIdentity("any-user", "new-legacy");

        var first = await client.PutTaskAsync(v2, SampleBodies.V2(), "demo");
        var second = await client.PutTaskAsync(legacy, SampleBodies.Legacy(), "demo");

        Assert.Equal(ApiCodes.Success, first.Code);
        Assert.Equal(ApiCodes.Success, second.Code);
        Assert.Equal(TaskFlavour.V2, own.Task(v2).Flavour);
        Assert.Equal(TaskFlavour.V2Legacy, own.Task(legacy).Flavour);
        Assert.Equal(1, own.Task(v2).PutCount);
    }

    [Fact]
    public async Task Put_CountsEveryRequestAndEachStore()
    {
        var task = sim.CreateTask(_account);

        await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token);
        await _client.PutTaskAsync(task, "{", _account.Token);
        await _client.PutTaskAsync(task, SampleBodies.V2(), "wrong");

        Assert.Equal(3, sim.Task(task).PutCount);
        Assert.Equal(1, sim.Task(task).AppliedCount);
    }
}

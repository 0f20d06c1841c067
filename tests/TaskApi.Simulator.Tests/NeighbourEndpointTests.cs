using System.Text.Json;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>task_stop, detail (<c>/edit</c>) and list.</summary>
public sealed class NeighbourEndpointTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Stop_RunningTask_PausesIt()
    {
        var task = sim.CreateTask(_account, running: true);

        var answer = await _client.StopTaskAsync(task, _account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.False(sim.Task(task).Running);
        Assert.Equal(1, sim.Task(task).StopCount);
    }

    [Fact]
    public async Task Stop_SubAccountTaskNamedInQuery_PausesIt()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub-9");

        var answer = await _client.StopTaskAsync(task, _account.Token, query: "?sub_user_id=sub-9");

        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.False(sim.Task(task).Running);
    }

    [Fact]
    public async Task Stop_SubAccountTaskNamedInBody_PausesIt()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub-9");

        var answer = await _client.StopTaskAsync(task, _account.Token, body: "{\"sub_user_id\":\"sub-9\"}");

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Stop_SubAccountTaskNotNamed_IsUnknown()
    {
        var task = sim.CreateTask(_account, running: true, subUserId: "sub-9");

        var answer = await _client.StopTaskAsync(task, _account.Token);

        Assert.Equal(ApiCodes.TaskNotFound, answer.Code);
        Assert.True(sim.Task(task).Running);
    }

    [Fact]
    public async Task Detail_ReflectsStoredBodyExactly()
    {
        var task = sim.CreateTask(_account);
        await _client.PutTaskAsync(task, SampleBodies.V2(name: "外呼任务"), _account.Token);

        var answer = await _client.DetailAsync(task, _account.Token);

        var data = answer.Data;
        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.Equal("外呼任务", data.GetProperty("name").GetString());
        Assert.Equal(2, data.GetProperty("maximumcall").GetInt32());
        Assert.Equal(1, data.GetProperty("status").GetInt32());
        Assert.Equal("已暂停", data.GetProperty("status_str").GetString());
        Assert.Equal(SampleBodies.BigId, data.GetProperty("task_extras").GetProperty("destination_extension_list")[0].GetProperty("destination_extension").GetString());
        Assert.Contains($"\"background_id\":{SampleBodies.BigId}", sim.Task(task).Body, StringComparison.Ordinal);
        Assert.False(data.GetProperty("new_task_extra").GetProperty("enable").GetBoolean());
        Assert.Equal(2, data.GetProperty("new_task_extra").GetProperty("line").GetArrayLength());
        Assert.Equal(1, sim.Task(task).DetailCount);
    }

    [Theory]
    [InlineData(SimulatedTaskStatus.Dialling, 3, "执行中", true, true)]
    [InlineData(SimulatedTaskStatus.Waiting, 3, "等待执行", true, false)]
    [InlineData(SimulatedTaskStatus.Paused, 1, "已暂停", false, false)]
    public async Task Detail_ShowsRunState(SimulatedTaskStatus status, int code, string text, bool enable, bool callStatus)
    {
        var task = sim.CreateTask(_account, initialBody: SampleBodies.V2());
        sim.State.SetStatus(task.UserId, task.TaskId, status);

        var data = (await _client.DetailAsync(task, _account.Token)).Data;

        Assert.Equal(code, data.GetProperty("status").GetInt32());
        Assert.Equal(text, data.GetProperty("status_str").GetString());
        Assert.Equal(enable, data.GetProperty("new_task_extra").GetProperty("enable").GetBoolean());
        Assert.Equal(callStatus, data.GetProperty("new_task_extra").GetProperty("call_status").GetBoolean());
    }

    [Fact]
    public async Task Detail_LegacyTask_HasNoNewTaskExtra()
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy, SampleBodies.Legacy());

        var data = (await _client.DetailAsync(task, _account.Token)).Data;

        Assert.Equal(JsonValueKind.Null, data.GetProperty("new_task_extra").ValueKind);
    }

    [Fact]
    public async Task Detail_SubAccountTask_NeedsSubUserIdInQuery()
    {
        var task = sim.CreateTask(_account, subUserId: "sub-3", initialBody: SampleBodies.V2());

        var without = await _client.DetailAsync(task, _account.Token);
        var with = await _client.DetailAsync(task, _account.Token, "?sub_user_id=sub-3");

        Assert.Equal(ApiCodes.TaskNotFound, without.Code);
        Assert.Equal(ApiCodes.Success, with.Code);
    }

    [Fact]
    public async Task List_FiltersByNameAndStatusAndPages()
    {
        var account = sim.CreateAccount();
        for (var i = 0; i < 5; i++)
        {
            sim.CreateTask(account, initialBody: SampleBodies.V2(name: $"批次{i}"), running: i % 2 == 0);
        }

        sim.CreateTask(account, initialBody: SampleBodies.V2(name: "其他"));

        var page = await _client.ListAsync(account.UserId, account.Token, "?name=批次&status=3&page=1&per_page=2");
        var second = await _client.ListAsync(account.UserId, account.Token, "?name=批次&status=3&page=2&per_page=2");

        Assert.Equal(ApiCodes.Success, page.Code);
        Assert.Equal(3, page.Json.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(2, page.Data.GetArrayLength());
        Assert.Equal(1, second.Data.GetArrayLength());
        Assert.All(page.Data.EnumerateArray(), item => Assert.Equal(3, item.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task List_BadToken_Returns401()
    {
        var answer = await _client.ListAsync(_account.UserId, "wrong");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.Status);
    }
}

using System.Net;
using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>The HTTP control surface under <c>/_simulator</c>, driven as a demo script or another language would.</summary>
public sealed class ControlSurfaceTests : IAsyncLifetime, IDisposable
{
    private SimulatorFixture _sim = null!;
    private SimulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = new SimulatorClient(_sim.BaseAddress);
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)_sim).DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Tasks_ConsoleEdit_MergesIntoTheBodyWithoutCountingAPut()
    {
        await _client.ControlAsync(HttpMethod.Post, "accounts", "{\"user_id\":\"u-1\",\"token\":\"t\"}");
        await _client.ControlAsync(HttpMethod.Post, "tasks", "{\"user_id\":\"u-1\",\"task_id\":\"t-1\",\"body\":{\"name\":\"原名\",\"maximumcall\":2,\"remark\":\"x\",\"task_extras\":{\"pop_mode\":1}}}");

        var edited = await _client.ControlAsync(HttpMethod.Patch, "tasks/u-1/t-1", "{\"name\":\"控制台改名\",\"remark\":null,\"task_extras\":{\"pop_mode\":2}}");

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var task = _sim.Task(new TaskIdentity("u-1", "t-1"));
        Assert.Equal("{\"name\":\"控制台改名\",\"maximumcall\":2,\"task_extras\":{\"pop_mode\":2}}", task.Body);
        Assert.Equal((0, 0), (task.PutCount, task.AppliedCount));
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        var answer = await _client.ControlAsync(HttpMethod.Get, "health");

        Assert.Equal("ok", answer.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accounts_RegisterThenList_NeverShowsTokens()
    {
        await _client.ControlAsync(HttpMethod.Post, "accounts", "{\"user_id\":\"u-1\",\"token\":\"secret-token-1\"}");

        var list = await _client.ControlAsync(HttpMethod.Get, "accounts");

        Assert.Equal("u-1", list.Json.GetProperty("accounts")[0].GetString());
        Assert.DoesNotContain("secret-token-1", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_CreateWithBody_StoresTheExactJsonText()
    {
        await _client.ControlAsync(HttpMethod.Post, "accounts", "{\"user_id\":\"u-1\",\"token\":\"t\"}");
        const string body = "{\"name\": \"任务\", \"dial_time_id\": 215870475195883520}";

        var created = await _client.ControlAsync(HttpMethod.Post, "tasks",
            $"{{\"user_id\":\"u-1\",\"task_id\":\"t-1\",\"flavour\":\"v2_legacy\",\"running\":true,\"sub_user_id\":\"s-1\",\"body\":{body}}}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var task = _sim.Task(new TaskIdentity("u-1", "t-1"));
        Assert.Equal(body, task.Body);
        Assert.Equal(TaskFlavour.V2Legacy, task.Flavour);
        Assert.Equal("s-1", task.SubUserId);
        Assert.True(task.Running);
        Assert.Contains("\"dial_time_id\":215870475195883520", created.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_SetStatusThenRead_ShowsStatusAndCounts()
    {
        _sim.CreateTask(_sim.CreateAccount("u-2"), taskId: "t-2");

        var waiting = await _client.ControlAsync(HttpMethod.Put, "tasks/u-2/t-2/status", "{\"status\":\"waiting\"}");
        var stopped = await _client.ControlAsync(HttpMethod.Put, "tasks/u-2/t-2/status", "{\"running\":false}");
        var read = await _client.ControlAsync(HttpMethod.Get, "tasks/u-2/t-2");

        Assert.Equal("waiting", waiting.Json.GetProperty("status").GetString());
        Assert.Equal("paused", stopped.Json.GetProperty("status").GetString());
        Assert.False(read.Json.GetProperty("running").GetBoolean());
        Assert.Equal(0, read.Json.GetProperty("put_count").GetInt32());
    }

    [Fact]
    public async Task Tasks_UnknownTask_Answers404()
    {
        var answer = await _client.ControlAsync(HttpMethod.Get, "tasks/nobody/nothing");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Tasks_ListByUser_ShowsOnlyThatUsersTasks()
    {
        _sim.CreateTask(_sim.CreateAccount("u-a"), taskId: "a-1");
        _sim.CreateTask(_sim.CreateAccount("u-b"), taskId: "b-1");

        var answer = await _client.ControlAsync(HttpMethod.Get, "tasks?user_id=u-a");

        Assert.Equal("a-1", Assert.Single(answer.Json.EnumerateArray()).GetProperty("task_id").GetString());
    }

    [Fact]
    public async Task Counters_Reset_SetsCountsToZero()
    {
        var account = _sim.CreateAccount();
        var task = _sim.CreateTask(account);
        await _client.PutTaskAsync(task, SampleBodies.V2(), account.Token);

        await _client.ControlAsync(HttpMethod.Post, "counters/reset");

        Assert.Equal(0, _sim.Task(task).PutCount);
        Assert.Equal(0, _sim.Task(task).AppliedCount);
        Assert.Equal(SampleBodies.V2(), _sim.Task(task).Body);
    }

    [Fact]
    public async Task Requests_LogShowsEachRequestThenClears()
    {
        var account = _sim.CreateAccount();
        var task = _sim.CreateTask(account, running: true);
        await _client.PutTaskAsync(task, SampleBodies.V2(), account.Token);

        var log = await _client.ControlAsync(HttpMethod.Get, "requests");
        await _client.ControlAsync(HttpMethod.Delete, "requests");
        var cleared = await _client.ControlAsync(HttpMethod.Get, "requests");

        var entry = Assert.Single(log.Json.EnumerateArray());
        Assert.Equal("PUT", entry.GetProperty("method").GetString());
        Assert.Equal("update_task", entry.GetProperty("operation").GetString());
        Assert.Equal(task.TaskId, entry.GetProperty("task_id").GetString());
        Assert.Equal(200, entry.GetProperty("http_status").GetInt32());
        Assert.Equal(ApiCodes.TaskRunning, entry.GetProperty("api_code").GetInt32());
        Assert.Empty(cleared.Json.EnumerateArray());
    }

    [Fact]
    public async Task Faults_ProfileSetReadAndClear()
    {
        var set = await _client.ControlAsync(HttpMethod.Put, "faults", "{\"server_error_rate\":0.25,\"latency_ms\":5,\"latency_phase\":\"after\",\"seed\":7}");
        var read = await _client.ControlAsync(HttpMethod.Get, "faults");
        await _client.ControlAsync(HttpMethod.Delete, "faults");

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(0.25, read.Json.GetProperty("server_error_rate").GetDouble());
        Assert.Equal("after", read.Json.GetProperty("latency_phase").GetString());
        Assert.Equal(0, _sim.State.GetFaultProfile().ServerErrorRate);
    }

    [Fact]
    public async Task Faults_QueueThroughHttp_AppliesToTheNextRequest()
    {
        var account = _sim.CreateAccount();
        var task = _sim.CreateTask(account);

        var queued = await _client.ControlAsync(HttpMethod.Post, "faults/queue",
            $"{{\"kind\":\"too_many_requests\",\"count\":1,\"task_id\":\"{task.TaskId}\",\"retry_after_seconds\":4}}");
        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), account.Token);
        var remaining = await _client.ControlAsync(HttpMethod.Get, "faults/queue");

        Assert.Equal(1, queued.Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Empty(remaining.Json.EnumerateArray());
    }

    [Fact]
    public async Task Faults_DeleteQueue_KeepsTheProfile()
    {
        _sim.State.SetFaultProfile(new Faults.FaultProfile { DropRate = 0.1 });
        _sim.State.EnqueueFault(new Faults.QueuedFault(Faults.FaultKind.Timeout));

        await _client.ControlAsync(HttpMethod.Delete, "faults/queue");

        Assert.Empty(_sim.State.GetQueuedFaults());
        Assert.Equal(0.1, _sim.State.GetFaultProfile().DropRate);
    }

    [Fact]
    public async Task Settings_AutoCreateTasks_CanBeSwitchedOn()
    {
        var answer = await _client.ControlAsync(HttpMethod.Put, "settings", "{\"auto_create_tasks\":true}");

        Assert.True(answer.Json.GetProperty("auto_create_tasks").GetBoolean());
        Assert.True(_sim.State.AutoCreateTasks);
    }

    [Theory]
    [InlineData("faults/queue", "{\"kind\":\"no_such_fault\"}")]
    [InlineData("faults/queue", "{\"kind\":\"timeout\",\"count\":0}")]
    [InlineData("tasks", "{\"user_id\":\"u\"}")]
    [InlineData("tasks", "{\"user_id\":\"u\",\"task_id\":\"t\",\"unknown_field\":1}")]
    [InlineData("accounts", "{\"user_id\":\"u\"}")]
    [InlineData("accounts", "not json")]
    public async Task BadControlRequest_Answers400WithError(string path, string json)
    {
        var answer = await _client.ControlAsync(HttpMethod.Post, path, json);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(JsonValueKind.String, answer.Json.GetProperty("error").ValueKind);
    }
}

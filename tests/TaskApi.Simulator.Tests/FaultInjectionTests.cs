using System.Diagnostics;
using System.Net;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Faults;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>Queued faults: each kind, scoped to one task, consumed in order. Shared simulator, so every fault names its task.</summary>
public sealed class FaultInjectionTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(FaultKind.InternalServerError, HttpStatusCode.InternalServerError)]
    [InlineData(FaultKind.BadGateway, HttpStatusCode.BadGateway)]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task Put_QueuedServerError_AnswersHtmlAndStoresNothing(FaultKind kind, HttpStatusCode expected)
    {
        var task = TaskWithFault(new QueuedFault(kind));

        var answer = await Put(task);

        Assert.Equal(expected, answer.Status);
        Assert.StartsWith("text/html", answer.Response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, sim.Task(task).AppliedCount);
        Assert.Equal(1, sim.Task(task).PutCount);
    }

    [Fact]
    public async Task Put_QueuedRateLimit_Answers429WithRetryAfter()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.TooManyRequests) { RetryAfterSeconds = 7 });

        var answer = await Put(task);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Response.Headers.RetryAfter!.Delta);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_QueuedFaultCount_AffectsExactlyTheNextNRequests()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.ServiceUnavailable, Count: 2));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Put(task)).Status);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.DoesNotContain(sim.State.GetQueuedFaults(), f => f.TaskId == task.TaskId);
    }

    [Fact]
    public async Task Put_FaultQueuedForAnotherTask_DoesNotApply()
    {
        TaskWithFault(new QueuedFault(FaultKind.InternalServerError));
        var other = sim.CreateTask(_account);

        var answer = await Put(other);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Put_FaultQueuedForStops_DoesNotApplyToUpdates()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.InternalServerError) { Operation = ApiOperation.StopTask });

        var update = await Put(task);
        var stop = await _client.StopTaskAsync(task, _account.Token);

        Assert.Equal(HttpStatusCode.OK, update.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, stop.Status);
    }

    [Fact]
    public async Task Put_QueuedTaskRunning_Answers6007WithoutStoring()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.TaskRunning));

        var answer = await Put(task);

        Assert.Equal(ApiCodes.TaskRunning, answer.Code);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_QueuedDrop_AbortsConnectionAndStoresNothing()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.DropConnection));

        await Assert.ThrowsAsync<HttpRequestException>(() => Put(task));

        await sim.WaitUntilAsync(s => LogFor(s, task).Any());
        Assert.Equal(0, sim.Task(task).AppliedCount);
        Assert.Null(LogFor(sim.State, task).Single().HttpStatus);
    }

    [Fact]
    public async Task Put_QueuedDropAfterProcessing_StoresThenAborts()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.DropAfterProcessing));

        await Assert.ThrowsAsync<HttpRequestException>(() => Put(task));

        Assert.Equal(1, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_QueuedTimeout_HangsUntilClientGivesUpAndStoresNothing()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.Timeout) { Delay = TimeSpan.FromMinutes(5) });
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Put(task, giveUp.Token));

        await sim.WaitUntilAsync(s => LogFor(s, task).Any());
        var entry = LogFor(sim.State, task).Single();
        Assert.Equal(FaultKind.Timeout, entry.Fault);
        Assert.Null(entry.HttpStatus);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_QueuedTimeoutWithCap_Answers504AfterTheCap()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.Timeout) { Delay = TimeSpan.FromMilliseconds(200) });
        var clock = Stopwatch.StartNew();

        var answer = await Put(task);

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.Status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task Put_QueuedDelayBefore_ClientGivingUpLeavesNothingStored()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.DelayBefore) { Delay = TimeSpan.FromMinutes(5) });
        using var giveUp = new CancellationTokenSource();
        var put = Put(task, giveUp.Token);

        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.PutCount == 1);
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        await sim.WaitUntilAsync(s => LogFor(s, task).Any());
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_QueuedDelayAfter_StoresBeforeTheAnswerLeaves()
    {
        // The case of a client killed between the server applying a PUT and the client recording it.
        var task = TaskWithFault(new QueuedFault(FaultKind.DelayAfter) { Delay = TimeSpan.FromMinutes(5) });
        using var giveUp = new CancellationTokenSource();
        var put = Put(task, giveUp.Token);

        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.AppliedCount == 1);
        Assert.False(put.IsCompleted);
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        Assert.Equal(SampleBodies.V2(), sim.Task(task).Body);
    }

    [Fact]
    public async Task Put_QueuedStoreLate_StoresAfterTheDelayEvenWhenTheClientHasGone()
    {
        // A platform whose queue is late: the request of a client that gave up (or was paused, or died) still lands.
        var task = TaskWithFault(new QueuedFault(FaultKind.StoreLate) { Delay = TimeSpan.FromMilliseconds(600) });
        using var giveUp = new CancellationTokenSource();
        var put = Put(task, giveUp.Token);
        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.PutCount == 1);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        Assert.Equal(0, sim.Task(task).AppliedCount);

        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.AppliedCount == 1);

        Assert.Equal(SampleBodies.V2(), sim.Task(task).Body);
        Assert.Equal(FaultKind.StoreLate, LogFor(sim.State, task).Single().Fault);
    }

    [Fact]
    public async Task Detail_QueuedTrickleAnswer_SendsTheHeadersAtOnceAndTheBodyByteByByte()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.TrickleAnswer) { Delay = TimeSpan.FromMilliseconds(200), Operation = ApiOperation.TaskDetail });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/agent-api/new/user/{task.UserId}/task/{task.TaskId}/edit");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _account.Token);

        using var response = await _client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[16];
        var clock = Stopwatch.StartNew();
        var read = await body.ReadAsync(first);
        var second = await body.ReadAsync(first);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 100);
        Assert.Equal(1, read);
        Assert.Equal(1, second);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"two bytes came within {clock.Elapsed}");
    }

    [Fact]
    public async Task Detail_QueuedFaultWithoutOperation_AppliesToAnyEndpoint()
    {
        var task = TaskWithFault(new QueuedFault(FaultKind.BadGateway));

        var answer = await _client.DetailAsync(task, _account.Token);

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal(1, sim.Task(task).DetailCount);
    }

    [Fact]
    public async Task Put_QueuedIgnoreField_AnswersSuccessButKeepsTheFieldsEarlierValue()
    {
        var task = sim.CreateTask(_account, initialBody: SampleBodies.V2(name: "旧名字", maximumCall: 4));
        sim.State.EnqueueFault(new QueuedFault(FaultKind.IgnoreField) { TaskId = task.TaskId, Field = "name" });

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(name: "新名字", maximumCall: 2), _account.Token);

        Assert.Equal(200, answer.Code);
        var stored = System.Text.Json.Nodes.JsonNode.Parse(sim.Task(task).Body!)!;
        Assert.Equal(("旧名字", 2), (stored["name"]!.GetValue<string>(), stored["maximumcall"]!.GetValue<int>()));
    }

    [Fact]
    public void Enqueue_ZeroCount_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.State.EnqueueFault(new QueuedFault(FaultKind.Timeout, Count: 0)));

    private TaskIdentity TaskWithFault(QueuedFault fault)
    {
        var task = sim.CreateTask(_account);
        sim.State.EnqueueFault(fault with { UserId = task.UserId, TaskId = task.TaskId });
        return task;
    }

    private Task<ApiAnswer> Put(TaskIdentity task, CancellationToken cancellationToken = default) =>
        _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token, cancellationToken: cancellationToken);

    private static IEnumerable<RequestLogEntry> LogFor(SimulatorState state, TaskIdentity task) =>
        state.GetRequestLog().Where(e => e.TaskId == task.TaskId);
}

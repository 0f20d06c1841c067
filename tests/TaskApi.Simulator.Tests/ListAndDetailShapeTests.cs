using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>The list and detail in the shapes of the vendor's pages (docs/api/task-list-and-detail.md).</summary>
public sealed class ListAndDetailShapeTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _client = new(sim.BaseAddress);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task List_AnswersTheDocumentedShape()
    {
        var account = sim.CreateAccount();
        var tasks = Enumerable.Range(0, 3).Select(i => sim.CreateTask(account, initialBody: SampleBodies.V2(name: $"任务{i}"))).ToList();

        var first = await _client.ListAsync(account.UserId, account.Token, "?page=1&per_page=2");
        var last = await _client.ListAsync(account.UserId, account.Token, "?page=2&per_page=2");

        var meta = first.Json.GetProperty("meta");
        Assert.Equal((true, 3, 2, 1, "2"), (meta.GetProperty("has_pages").GetBoolean(), meta.GetProperty("total").GetInt32(), meta.GetProperty("last_page").GetInt32(), meta.GetProperty("current_page").GetInt32(), meta.GetProperty("per_page").GetString()));
        Assert.Equal(2, last.Json.GetProperty("meta").GetProperty("current_page").GetInt32());
        var ids = first.Data.EnumerateArray().Concat(last.Data.EnumerateArray()).Select(t => t.GetProperty("uuid").GetString()).ToList();
        Assert.Equal(tasks.Select(t => t.TaskId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(first.Data.EnumerateArray(), t => Assert.False(t.TryGetProperty("id", out _)));
    }

    [Fact]
    public async Task SubsetTask_ListsTheSubAccountsTasksWithTheirOwner()
    {
        var account = sim.CreateAccount();
        sim.CreateTask(account, initialBody: SampleBodies.V2());
        var sub = sim.CreateTask(account, initialBody: SampleBodies.V2(), subUserId: "sub-7");

        var answer = await _client.SendAsync(HttpMethod.Get, $"agent-api/new/user/{account.UserId}/subset_task?page=1&per_page=10", account.Token, null, CancellationToken.None);

        var item = Assert.Single(answer.Data.EnumerateArray());
        Assert.Equal((sub.TaskId, "sub-7"), (item.GetProperty("uuid").GetString(), item.GetProperty("user_id").GetString()));
    }

    [Fact]
    public async Task Detail_CarriesEveryBodyFieldUnderItsOwnNameAndUnsetOnesAsNull()
    {
        var account = sim.CreateAccount();
        var body = JsonNode.Parse(SampleBodies.V2(name: "全字段"))!.AsObject();
        body.Remove("remark");
        body.Remove("bridge_group_id");
        var task = sim.CreateTask(account, initialBody: body.ToJsonString());

        var data = (await _client.DetailAsync(task, account.Token)).Data;

        foreach (var (name, value) in body)
        {
            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(data.GetProperty(name).GetRawText())), name);
        }

        Assert.Equal(JsonValueKind.Null, data.GetProperty("remark").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("bridge_group_id").ValueKind);
        Assert.False(data.TryGetProperty("id", out _));
    }
}

using System.Text.Json.Nodes;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;
using static TaskApi.Simulator.Tests.Support.Bodies;

namespace TaskApi.Simulator.Tests;

/// <summary>Rules the document states that the simulator enforces: residue per line, documented types, bridge_group_id, modes, re_call_time ranges.</summary>
public sealed class DocumentRuleTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string FirstLine = "d47c3599-f166-4cd0-999c-f60e46814d26";
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Put_AveragePerLineAboveTheLinesResidue_IsRefused()
    {
        var line = Guid.NewGuid().ToString();
        var control = await _client.ControlAsync(HttpMethod.Put, $"lines/{line}", "{\"residue\": 2}");
        Assert.Contains(line, control.Text, StringComparison.Ordinal);

        var refused = await PutAsync(V2With(b => { b["maximumcall"] = 6; Extras(b)["line"] = new JsonArray(Line(line), Line(Guid.NewGuid().ToString())); }));
        var accepted = await PutAsync(V2With(b => { b["maximumcall"] = 4; Extras(b)["line"] = new JsonArray(Line(line), Line(Guid.NewGuid().ToString())); }));

        Assert.Equal(ApiCodes.ValidationFailed, refused.Code);
        Assert.Contains("residue", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ApiCodes.Success, accepted.Code);
    }

    [Theory]
    [InlineData("bridge_group_id", "\"\"", "bridge_group_id 传了则必填")]
    [InlineData("bridge_group_id", "null", "bridge_group_id 传了则必填")]
    [InlineData("remark", "1", "remark 必须是字符串")]
    [InlineData("end_action", "\"x\"", "end_action 必须是整数")]
    [InlineData("elasticity_type", "\"yes\"", "elasticity_type 必须是布尔值")]
    [InlineData("is_group_switch", "5", "is_group_switch 只能是 0、1、2、3")]
    [InlineData("maximumcall", "4.0", "maximumcall 必须是整数")]
    [InlineData("remark", "null", "remark 必须是字符串")]
    [InlineData("task_extras", "[]", "task_extras 必须是对象")]
    [InlineData("destination_extension", "1e400", "destination_extension 必须是整数")]
    public async Task Put_FieldAgainstTheDocument_IsRefused(string field, string json, string message)
    {
        var answer = await PutAsync(V2With(b => b[field] = JsonNode.Parse(json)));

        Assert.Equal(ApiCodes.ValidationFailed, answer.Code);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task Put_MultiConfigDialModeOutOfRange_IsRefusedAndMode3WithoutListIsAccepted()
    {
        var refused = await PutAsync(V2With(b => Extras(b)["destination_extension_multi_config"] = JsonNode.Parse("""{"dial_mode": 2, "list": [{"destination_extension": 1, "sort": 1}]}""")));
        var accepted = await PutAsync(V2With(b => b["is_group_switch"] = 3));

        Assert.Equal(ApiCodes.ValidationFailed, refused.Code);
        Assert.Equal(ApiCodes.Success, accepted.Code);
    }

    [Theory]
    [InlineData("10:00:00", true)]
    [InlineData("11:00:00", true)]
    [InlineData("11:00:01", false)]
    [InlineData("22:00:00", true)]
    [InlineData("22:30:00", false)]
    [InlineData("12:59:59", false)]
    public async Task Put_LegacyReCallTime_IsReadAsTwoClockRangesEndsIncluded(string time, bool accepted)
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy);
        var body = LegacyWith(b => b["new_call_rules"] = new JsonArray(new JsonObject { ["re_call_time"] = time, ["call_interval"] = 60, ["rule_id"] = 1 }));

        var answer = await _client.PutTaskAsync(task, body, _account.Token);

        Assert.Equal(accepted ? ApiCodes.Success : ApiCodes.ValidationFailed, answer.Code);
    }

    private static JsonObject Line(string id) => new() { ["id"] = id, ["limit"] = 10 };

    [Fact]
    public async Task Put_WithoutBridgeGroupId_ClearsTheTransferGroup()
    {
        // "bridge_group_id … 不传这个键,则表示为空": a PUT that omits the key leaves the task with no transfer group.
        var task = sim.CreateTask(_account);
        var withGroup = await _client.PutTaskAsync(task, V2With(b => b["bridge_group_id"] = 7), _account.Token);
        Assert.Contains("\"bridge_group_id\":7", sim.Task(task).Body, StringComparison.Ordinal);
        var withoutGroup = await _client.PutTaskAsync(task, V2With(b => b.Remove("bridge_group_id")), _account.Token);

        Assert.Equal((ApiCodes.Success, ApiCodes.Success), (withGroup.Code, withoutGroup.Code));
        var detail = (await _client.DetailAsync(task, _account.Token)).Data;
        Assert.False(detail.TryGetProperty("bridge_group_id", out var left) && left.ValueKind is not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined), $"bridge_group_id is still {left}");
        Assert.DoesNotContain("bridge_group_id", sim.Task(task).Body, StringComparison.Ordinal);
    }

    private async Task<ApiAnswer> PutAsync(string body) => await _client.PutTaskAsync(sim.CreateTask(_account), body, _account.Token);
}

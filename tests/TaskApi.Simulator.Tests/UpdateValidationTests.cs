using System.Net;
using System.Text.Json.Nodes;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;
using static TaskApi.Simulator.Tests.Support.Bodies;

namespace TaskApi.Simulator.Tests;

/// <summary>Each body rule of the document answers HTTP 200 with an error code and a message naming the field.</summary>
public sealed class UpdateValidationTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("name")]
    [InlineData("destination_extension")]
    [InlineData("dial_time_id")]
    [InlineData("maximumcall")]
    [InlineData("task_extras")]
    [InlineData("task_extras.start_time")]
    [InlineData("task_extras.stop_time")]
    [InlineData("task_extras.pop_mode")]
    public async Task Put_MissingRequiredField_Returns422NamingTheField(string field)
    {
        var answer = await PutV2Async(V2With(body => Remove(body, field)));

        AssertRejected(answer, ApiCodes.ValidationFailed, field);
    }

    [Fact]
    public async Task Put_LegacyTaskWithoutPopMode_IsAccepted()
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy);

        var answer = await _client.PutTaskAsync(task, SampleBodies.Legacy(), _account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Theory]
    [InlineData("line")]
    [InlineData("holiday")]
    public async Task Put_LineOrHolidayAbsent_Returns422AskingForEmptyArray(string field)
    {
        var answer = await PutV2Async(V2With(body => Extras(body).Remove(field)));

        AssertRejected(answer, ApiCodes.ValidationFailed, $"task_extras.{field}");
        Assert.Contains("[]", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_LineNull_Returns422()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["line"] = null));

        AssertRejected(answer, ApiCodes.ValidationFailed, "task_extras.line");
    }

    [Fact]
    public async Task Put_MaximumCallNotDivisibleByLineCount_Returns422()
    {
        var answer = await PutV2Async(SampleBodies.V2(maximumCall: 3)); // two lines

        AssertRejected(answer, ApiCodes.ValidationFailed, "maximumcall");
    }

    [Fact]
    public async Task Put_MaximumCallWithNoLines_IsAccepted()
    {
        var answer = await PutV2Async(V2With(body =>
        {
            body["maximumcall"] = 3;
            Extras(body)["line"] = new JsonArray();
        }));

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_RedialIntervalAbove60_Returns422()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["redial_interval"] = 61));

        AssertRejected(answer, ApiCodes.ValidationFailed, "task_extras.redial_interval");
    }

    [Fact]
    public async Task Put_RedialIntervalOf60_IsAccepted()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["redial_interval"] = 60));

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_RedialMaxTimesAbove3_Returns422()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["redial_max_times"] = 4));

        AssertRejected(answer, ApiCodes.ValidationFailed, "task_extras.redial_max_times");
    }

    [Fact]
    public async Task Put_DaStatusOutOfRange_Returns422()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["redial_conditions"] = new JsonObject { ["da_status"] = new JsonArray(2, 13) }));

        AssertRejected(answer, ApiCodes.ValidationFailed, "da_status");
    }

    [Fact]
    public async Task Put_EndActionWithElasticityOn_Returns422()
    {
        var answer = await PutV2Async(V2With(body =>
        {
            body["end_action"] = 1;
            body["elasticity_type"] = true;
        }));

        AssertRejected(answer, ApiCodes.ValidationFailed, "end_action");
    }

    [Fact]
    public async Task Put_EndActionWithElasticityOff_IsAccepted()
    {
        var answer = await PutV2Async(V2With(body =>
        {
            body["end_action"] = 1;
            body["elasticity_type"] = false;
        }));

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_VariableEntryWithMoreThanTenValues_Returns422()
    {
        var values = Enumerable.Range(1, 11).Select(i => $"值{i}").ToArray();
        var answer = await PutV2Async(V2With(body => Extras(body)["destination_extension_with_variable_list"] = new JsonArray(VariableEntry(values))));

        AssertRejected(answer, ApiCodes.ValidationFailed, "destination_extension_with_variable_list.0.values");
    }

    [Fact]
    public async Task Put_VariableEntryWithDuplicateValues_Returns422()
    {
        var answer = await PutV2Async(V2With(body => Extras(body)["destination_extension_with_variable_list"] = new JsonArray(VariableEntry("男", "男"))));

        AssertRejected(answer, ApiCodes.ValidationFailed, "destination_extension_with_variable_list.0.values");
        Assert.Contains("重复", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_MoreThan100VariableEntries_Returns422()
    {
        var entries = Enumerable.Range(0, 101).Select(i => (JsonNode)VariableEntry($"v{i}")).ToArray();
        var answer = await PutV2Async(V2With(body => Extras(body)["destination_extension_with_variable_list"] = new JsonArray(entries)));

        AssertRejected(answer, ApiCodes.ValidationFailed, "destination_extension_with_variable_list");
        Assert.Contains("100", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_Exactly100VariableEntries_IsAccepted()
    {
        var entries = Enumerable.Range(0, 100).Select(i => (JsonNode)VariableEntry($"v{i}")).ToArray();
        var answer = await PutV2Async(V2With(body =>
        {
            body["is_group_switch"] = 2;
            Extras(body)["destination_extension_with_variable_list"] = new JsonArray(entries);
        }));

        Assert.Equal(ApiCodes.Success, answer.Code);
    }

    [Fact]
    public async Task Put_GroupSwitch2WithoutVariableList_Returns422()
    {
        var answer = await PutV2Async(V2With(body => body["is_group_switch"] = 2));

        AssertRejected(answer, ApiCodes.ValidationFailed, "destination_extension_with_variable_list");
    }

    [Fact]
    public async Task Put_GroupSwitch3WithoutSortInList_Returns422()
    {
        var answer = await PutV2Async(V2With(body =>
        {
            body["is_group_switch"] = 3;
            Extras(body)["destination_extension_multi_config"] = new JsonObject
            {
                ["dial_mode"] = 0,
                ["list"] = new JsonArray(new JsonObject { ["destination_extension"] = "13601" }),
            };
        }));

        AssertRejected(answer, ApiCodes.ValidationFailed, "destination_extension_multi_config.list.0.sort");
    }

    [Fact]
    public async Task Put_V2TaskWithLegacyLineIds_Returns422()
    {
        var answer = await PutV2Async(V2With(body =>
        {
            body["maximumcall"] = 1;
            Extras(body)["line"] = new JsonArray("29c39ec4-b292-4af9-a88b-922d61866sub");
        }));

        AssertRejected(answer, ApiCodes.ValidationFailed, "task_extras.line.0");
    }

    [Fact]
    public async Task Put_LegacyReCallTimeOutsideWindows_Returns422()
    {
        var task = sim.CreateTask(_account, TaskFlavour.V2Legacy);
        var body = LegacyWith(b => b["new_call_rules"] = new JsonArray(new JsonObject { ["re_call_time"] = "12:30:00", ["call_interval"] = 60, ["rule_id"] = 1 }));

        var answer = await _client.PutTaskAsync(task, body, _account.Token);

        AssertRejected(answer, ApiCodes.ValidationFailed, "new_call_rules.0.re_call_time");
    }

    [Fact]
    public async Task Put_InvalidJson_Returns400AndStoresNothing()
    {
        var task = sim.CreateTask(_account);

        var answer = await _client.PutTaskAsync(task, "{\"name\": ", _account.Token);

        AssertRejected(answer, ApiCodes.InvalidJson, "JSON");
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task Put_NotSentAsJson_Returns400()
    {
        var task = sim.CreateTask(_account);

        var answer = await _client.PutTaskAsync(task, SampleBodies.V2(), _account.Token, contentType: "text/plain");

        AssertRejected(answer, ApiCodes.InvalidJson, "Content-Type");
    }

    [Fact]
    public async Task Put_InvalidBody_IsNotStored()
    {
        var task = sim.CreateTask(_account, initialBody: "{\"name\":\"old\"}");

        await _client.PutTaskAsync(task, V2With(body => body.Remove("name")), _account.Token);

        Assert.Equal("{\"name\":\"old\"}", sim.Task(task).Body);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    private async Task<ApiAnswer> PutV2Async(string body)
    {
        var task = sim.CreateTask(_account);
        return await _client.PutTaskAsync(task, body, _account.Token);
    }

    private static void AssertRejected(ApiAnswer answer, int code, string field)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(code, answer.Code);
        Assert.Equal("error", answer.Json.GetProperty("status").GetString());
        Assert.Contains(field, answer.Message, StringComparison.Ordinal);
        Assert.Equal(0, answer.Data.GetArrayLength());
    }
}

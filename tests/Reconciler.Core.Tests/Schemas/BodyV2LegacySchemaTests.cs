using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>One refusal per constraint of task-body-v2-legacy.schema.json, with the exact pointer and message.</summary>
public sealed class BodyV2LegacySchemaTests
{
    private static IReadOnlyList<SchemaError> Evaluate(Action<JsonObject> change)
    {
        var body = SeedBodies.Load(ApiFlavour.V2Legacy, "curl");
        change(body);
        return SchemaCatalog.Default.EvaluateBody(ApiFlavour.V2Legacy, SeedBodies.Element(body));
    }

    private static JsonObject Extras(JsonObject body) => body["task_extras"]!.AsObject();

    private static void AssertSingle(string pointer, string keyword, string message, IReadOnlyList<SchemaError> errors) =>
        Assert.Equal([new SchemaError(pointer, keyword, message)], errors);

    private static string NewV2Only(string field) =>
        $"field '{field}' is only accepted with apiVersion tasks/v2 (新版任务2.0), not tasks/v2-legacy (旧版任务2.0)";

    [Theory]
    [InlineData("name")]
    [InlineData("destination_extension")]
    [InlineData("dial_time_id")]
    [InlineData("maximumcall")]
    [InlineData("task_extras")]
    public void EvaluateBody_RequiredFieldMissing_IsReportedAtTheParent(string field)
    {
        AssertSingle("", "required", $"missing required field '{field}'", Evaluate(b => b.Remove(field)));
    }

    [Theory]
    [InlineData("start_time")]
    [InlineData("stop_time")]
    public void EvaluateBody_RequiredTaskExtrasFieldMissing_IsReportedAtTaskExtras(string field)
    {
        AssertSingle("/task_extras", "required", $"missing required field '{field}'", Evaluate(b => Extras(b).Remove(field)));
    }

    [Theory]
    [InlineData("is_group_switch", "1")]
    [InlineData("group_type", "\"group\"")]
    [InlineData("task_type", "7")]
    [InlineData("score_scheme_id", "123")]
    public void EvaluateBody_NewV2OnlyTopLevelField_IsRefusedNamingTheFlavour(string field, string value)
    {
        AssertSingle($"/{field}", "not", NewV2Only(field), Evaluate(b => b[field] = JsonNode.Parse(value)));
    }

    [Theory]
    [InlineData("pop_mode", "1")]
    [InlineData("destination_extension_list", "[]")]
    [InlineData("destination_extension_with_variable_list", "[]")]
    [InlineData("destination_extension_multi_config", "{}")]
    [InlineData("work_hour", "[]")]
    [InlineData("work_week", "[]")]
    [InlineData("redial_enabled", "0")]
    [InlineData("redial_new_number_policy", "0")]
    [InlineData("redial_interval", "3")]
    [InlineData("redial_max_times", "3")]
    [InlineData("redial_conditions", """{"da_status": [2]}""")]
    [InlineData("da_status", "[2]")]
    public void EvaluateBody_NewV2OnlyTaskExtrasField_IsRefusedNamingTheFlavour(string field, string value)
    {
        AssertSingle($"/task_extras/{field}", "not", NewV2Only(field), Evaluate(b => Extras(b)[field] = JsonNode.Parse(value)));
    }

    [Fact]
    public void EvaluateBody_NewV2Example_IsRefusedFieldByField()
    {
        var body = SeedBodies.Load(ApiFlavour.V2, "java");

        var errors = SchemaCatalog.Default.EvaluateBody(ApiFlavour.V2Legacy, SeedBodies.Element(body));

        Assert.Equal(
            [
                "/group_type", "/is_group_switch", "/score_scheme_id", "/task_extras/destination_extension_list",
                "/task_extras/line/0", "/task_extras/pop_mode", "/task_extras/redial_conditions", "/task_extras/redial_enabled",
                "/task_extras/redial_interval", "/task_extras/redial_max_times", "/task_extras/redial_new_number_policy", "/task_type",
            ],
            errors.Select(e => e.InstancePointer));
        Assert.Equal(new SchemaError("/task_extras/line/0", "type", "must be a string, not an object"), errors[4]);
    }

    [Theory]
    [InlineData("", "maximumcal", "maximumcall")]
    [InlineData("", "interval_time", null)]
    [InlineData("/task_extras", "lines", "line")]
    [InlineData("/task_extras/holiday/0", "note", null)]
    public void EvaluateBody_UnknownField_IsReportedAtTheFieldWithANearMiss(string parent, string field, string? nearMiss)
    {
        var errors = Evaluate(b => ((JsonObject)JsonTree.Find(b, parent))[field] = 1);

        var hint = nearMiss is null ? "" : $" (did you mean '{nearMiss}'?)";
        AssertSingle($"{parent}/{field}", "additionalProperties", $"unknown field '{field}'{hint}", errors);
    }

    [Fact]
    public void EvaluateBody_LineIdsAsStrings_AreAccepted()
    {
        Assert.Empty(Evaluate(b => Extras(b)["line"] = new JsonArray("29c39ec4-b292-4af9-a88b-922d61866sub", "d47c3599")));
    }

    [Fact]
    public void EvaluateBody_LineIdRepeated_IsRefused()
    {
        AssertSingle("/task_extras/line", "uniqueItems", "must not contain duplicates", Evaluate(b => Extras(b)["line"] = new JsonArray("a", "a")));
    }

    [Theory]
    [InlineData("", "must not be empty or only white space (the platform refuses a blank value here)")]
    [InlineData("   ", "must not be empty or only white space (the platform refuses a blank value here)")]
    [InlineData("29c39ec4\n", "must not contain control characters (line breaks, tabs, escapes)")]
    [InlineData("29c39ec4\u0085", "must not contain control characters (line breaks, tabs, escapes)")]
    public void EvaluateBody_LineIdBlankOrWithControls_IsRefused(string id, string message)
    {
        AssertSingle("/task_extras/line/0", "pattern", message, Evaluate(b => Extras(b)["line"] = new JsonArray(id)));
    }

    [Fact]
    public void EvaluateBody_IntervalTimeInTaskExtras_IsAccepted()
    {
        Assert.Empty(Evaluate(b => Extras(b)["interval_time"] = 0));
        AssertSingle("/task_extras/interval_time", "minimum", "must be at least 0", Evaluate(b => Extras(b)["interval_time"] = -1));
    }

    [Fact]
    public void EvaluateBody_NewCallRules_AreAccepted()
    {
        Assert.Empty(Evaluate(b => b["new_call_rules"] = JsonNode.Parse(
            """[{"re_call_time": "10:00:00", "call_interval": 60, "rule_id": 15486}, {"re_call_time": "13:30:00", "rule_id": "15487"}]""")));
    }

    [Theory]
    [InlineData("""{"re_call_time": "10:00"}""", "/new_call_rules/0/re_call_time", "pattern", "must be a time of day as HH:MM:SS, from 00:00:00 to 23:59:59")]
    [InlineData("""{"call_interval": 60}""", "/new_call_rules/0", "required", "missing required field 're_call_time'")]
    [InlineData("""{"re_call_time": "10:00:00", "call_interval": -1}""", "/new_call_rules/0/call_interval", "minimum", "must be at least 0")]
    [InlineData("""{"re_call_time": "10:00:00", "rule_id": "r1"}""", "/new_call_rules/0/rule_id", "anyOf", "must be an integer or a string of digits")]
    [InlineData("""{"re_call_time": "10:00:00", "interval": 1}""", "/new_call_rules/0/interval", "additionalProperties", "unknown field 'interval'")]
    public void EvaluateBody_NewCallRuleMalformed_IsRefused(string rule, string pointer, string keyword, string message)
    {
        AssertSingle(pointer, keyword, message, Evaluate(b => b["new_call_rules"] = new JsonArray(JsonNode.Parse(rule))));
    }

    [Theory]
    [InlineData("""{"switch_start": "09:00", "switch_end": "12:00"}""", "/group_switch_rule/0", "required", "missing required field 'group_id'")]
    [InlineData("""{"switch_start": "09:00", "switch_end": "25:00", "group_id": 1}""", "/group_switch_rule/0/switch_end", "pattern", "must be a time of day as HH:MM, from 00:00 to 23:59")]
    [InlineData("""{"switch_start": "09:00", "switch_end": "12:00", "group_id": 1, "default_group_id": "x"}""", "/group_switch_rule/0/default_group_id", "anyOf", "must be an integer or a string of digits")]
    public void EvaluateBody_GroupSwitchRuleMalformed_IsRefused(string rule, string pointer, string keyword, string message)
    {
        AssertSingle(pointer, keyword, message, Evaluate(b => b["group_switch_rule"] = new JsonArray(JsonNode.Parse(rule))));
    }

    [Fact]
    public void EvaluateBody_GroupSwitchRuleFromTheCommentedBlock_IsAccepted()
    {
        Assert.Empty(Evaluate(b => b["group_switch_rule"] = JsonNode.Parse(
            """[{"switch_start": "09:00", "switch_end": "12:00", "group_id": 13037, "default_group_id": 123}]""")));
    }

    [Fact]
    public void EvaluateBody_HolidayNamedStartAsInTheTable_IsAccepted()
    {
        Assert.Empty(Evaluate(b => Extras(b)["holiday"] = JsonNode.Parse("""[{"start": "2024-11-01 13:25", "end": "2024-11-03 13:25"}]""")));
    }

    [Fact]
    public void EvaluateBody_HolidayWithBothStartNames_IsOneMessage()
    {
        AssertSingle(
            "/task_extras/holiday/0",
            "oneOf",
            "needs exactly one of 'begin' or 'start'",
            Evaluate(b => Extras(b)["holiday"]![0]!["start"] = "2024-11-01 13:25"));
    }

    [Fact]
    public void EvaluateBody_ElasticityTypeAndEndAction_AreTyped()
    {
        Assert.Empty(Evaluate(b =>
        {
            b["elasticity_type"] = false;
            b["end_action"] = 1;
            b["remark"] = "第一个任务";
            b["bridge_group_id"] = 1;
            b["auto_recycle_rule_id"] = "1";
            b["llm_intention_id"] = 1;
            b["sub_user_id"] = "5b55bcca-d653-4a58-8f9a-437fb0601f8e";
        }));
        AssertSingle("/end_action", "type", "must be an integer, not true/false", Evaluate(b => b["end_action"] = true));
    }
}

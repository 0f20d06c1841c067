using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>One refusal per constraint of task-body-v2.schema.json, with the exact pointer and message.</summary>
public sealed class BodyV2SchemaTests
{
    private const string IdMessage = "must be an integer or a string of digits";
    private const string HhmmMessage = "must be a time of day as HH:MM, from 00:00 to 23:59";
    private const string DateTimeMessage = "must be a date and time like '2024-12-23 19:00:00'";

    // The cURL example is the richest one: every list is present.
    private static IReadOnlyList<SchemaError> Evaluate(Action<JsonObject> change)
    {
        var body = SeedBodies.Load(ApiFlavour.V2, "curl");
        change(body);
        return SchemaCatalog.Default.EvaluateBody(ApiFlavour.V2, SeedBodies.Element(body));
    }

    private static JsonObject Extras(JsonObject body) => body["task_extras"]!.AsObject();

    private static void AssertSingle(string pointer, string keyword, string message, IReadOnlyList<SchemaError> errors) =>
        Assert.Equal([new SchemaError(pointer, keyword, message)], errors);

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
    [InlineData("pop_mode")]
    public void EvaluateBody_RequiredTaskExtrasFieldMissing_IsReportedAtTaskExtras(string field)
    {
        AssertSingle("/task_extras", "required", $"missing required field '{field}'", Evaluate(b => Extras(b).Remove(field)));
    }

    [Fact]
    public void EvaluateBody_LineAndHolidayLeftOut_IsAccepted()
    {
        Assert.Empty(Evaluate(b =>
        {
            Extras(b).Remove("line");
            Extras(b).Remove("holiday");
        }));
    }

    [Fact]
    public void EvaluateBody_TwoRequiredFieldsMissing_GivesOneErrorEach()
    {
        var errors = Evaluate(b =>
        {
            Extras(b).Remove("stop_time");
            Extras(b).Remove("pop_mode");
        });

        Assert.Equal(
            [
                new SchemaError("/task_extras", "required", "missing required field 'pop_mode'"),
                new SchemaError("/task_extras", "required", "missing required field 'stop_time'"),
            ],
            errors);
    }

    [Theory]
    [InlineData("", "maximumcal")]
    [InlineData("/task_extras", "pop_mod")]
    [InlineData("/task_extras/line/0", "limt")]
    [InlineData("/task_extras/destination_extension_list/0", "start")]
    [InlineData("/task_extras/destination_extension_with_variable_list/1", "value")]
    [InlineData("/task_extras/redial_conditions", "status")]
    [InlineData("/group_switch_rule/0", "group")]
    public void EvaluateBody_UnknownField_IsReportedAtTheField(string parent, string field)
    {
        var errors = Evaluate(b => ((JsonObject)JsonTree.Find(b, parent))[field] = 1);

        AssertSingle($"{parent}/{field}", "additionalProperties", $"unknown field '{field}'", errors);
    }

    [Theory]
    [InlineData("\"12a\"")]
    [InlineData("\"\"")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("null")]
    [InlineData("true")]
    public void EvaluateBody_IdNeitherIntegerNorDigits_IsOneMessage(string value)
    {
        AssertSingle("/destination_extension", "anyOf", IdMessage, Evaluate(b => b["destination_extension"] = JsonNode.Parse(value)));
    }

    [Theory]
    [InlineData("/dial_time_id")]
    [InlineData("/background_id")]
    [InlineData("/llm_intention_id")]
    [InlineData("/score_scheme_id")]
    [InlineData("/group_switch_rule/0/group_id")]
    [InlineData("/group_switch_rule/0/default_group_id")]
    [InlineData("/task_extras/destination_extension_list/0/destination_extension")]
    [InlineData("/task_extras/destination_extension_with_variable_list/2/destination_extension")]
    public void EvaluateBody_OtherIdNotAnId_IsOneMessage(string pointer)
    {
        AssertSingle(pointer, "anyOf", IdMessage, Evaluate(b => JsonTree.Set(b, pointer, JsonValue.Create("abc"))));
    }

    [Theory]
    [InlineData("bridge_group_id")]
    [InlineData("auto_recycle_rule_id")]
    public void EvaluateBody_OptionalIdPresentButEmpty_IsRefused(string field)
    {
        AssertSingle($"/{field}", "anyOf", IdMessage, Evaluate(b => b[field] = ""));
    }

    [Fact]
    public void EvaluateBody_MultiConfigIdNotAnId_IsOneMessage()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] =
            JsonNode.Parse("""{"dial_mode": 0, "list": [{"destination_extension": "13 601", "sort": 1}]}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/list/0/destination_extension", "anyOf", IdMessage, errors);
    }

    [Fact]
    public void EvaluateBody_NameNotString_IsATypeError()
    {
        AssertSingle("/name", "type", "must be a string, not a number", Evaluate(b => b["name"] = 5));
    }

    [Fact]
    public void EvaluateBody_NameEmpty_IsRefused()
    {
        AssertSingle("/name", "minLength", "must not be empty", Evaluate(b => b["name"] = ""));
    }

    [Fact]
    public void EvaluateBody_RemarkNotString_IsATypeError()
    {
        AssertSingle("/remark", "type", "must be a string, not a number", Evaluate(b => b["remark"] = 1));
    }

    [Fact]
    public void EvaluateBody_GroupTypeEmpty_IsRefused()
    {
        AssertSingle("/group_type", "minLength", "must not be empty", Evaluate(b => b["group_type"] = ""));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"2\"")]
    public void EvaluateBody_MaximumcallBelowOneOrText_IsRefused(string value)
    {
        var expected = value == "0"
            ? new SchemaError("/maximumcall", "minimum", "must be at least 1")
            : new SchemaError("/maximumcall", "type", "must be an integer, not a string");

        Assert.Equal([expected], Evaluate(b => b["maximumcall"] = JsonNode.Parse(value)));
    }

    [Theory]
    [InlineData("/task_type")]
    [InlineData("/end_action")]
    public void EvaluateBody_IntegerFieldAsText_IsATypeError(string pointer)
    {
        AssertSingle(pointer, "type", "must be an integer, not a string", Evaluate(b => JsonTree.Set(b, pointer, JsonValue.Create("7"))));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void EvaluateBody_IsGroupSwitchOutOfRange_ListsTheModes(int value)
    {
        AssertSingle(
            "/is_group_switch",
            "enum",
            "must be one of 0 (one script group), 1 (by time), 2 (by number variable), 3 (several script groups)",
            Evaluate(b => b["is_group_switch"] = value));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"1\"")]
    public void EvaluateBody_PopModeOutOfRange_ListsTheModes(string value)
    {
        AssertSingle(
            "/task_extras/pop_mode",
            "enum",
            "must be one of 0 (random), 1 (in order), 2 (reverse order)",
            Evaluate(b => Extras(b)["pop_mode"] = JsonNode.Parse(value)));
    }

    [Fact]
    public void EvaluateBody_VariableModeOutOfRange_ListsTheModes()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/0/mode",
            "enum",
            "must be one of 0 (contains any keyword), 1 (equals any keyword)",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![0]!["mode"] = 2));
    }

    [Fact]
    public void EvaluateBody_DialModeOutOfRange_ListsTheModes()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] =
            JsonNode.Parse("""{"dial_mode": 2, "list": [{"destination_extension": 1, "sort": 1}]}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/dial_mode", "enum", "must be one of 0 (round robin), 1 (random)", errors);
    }

    [Fact]
    public void EvaluateBody_MultiConfigSortMissing_IsRefused()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] =
            JsonNode.Parse("""{"dial_mode": 0, "list": [{"destination_extension": "13601"}]}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/list/0", "required", "missing required field 'sort'", errors);
    }

    [Fact]
    public void EvaluateBody_MultiConfigWithoutList_IsRefused()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] = JsonNode.Parse("""{"dial_mode": 0}"""));

        AssertSingle("/task_extras/destination_extension_multi_config", "required", "missing required field 'list'", errors);
    }

    [Fact]
    public void EvaluateBody_MultiConfigListEmpty_IsRefused()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] = JsonNode.Parse("""{"dial_mode": 0, "list": []}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/list", "minItems", "must have at least 1 item", errors);
    }

    [Fact]
    public void EvaluateBody_MultiConfigSortNegative_IsRefused()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] =
            JsonNode.Parse("""{"list": [{"destination_extension": 1, "sort": -1}]}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/list/0/sort", "minimum", "must be at least 0", errors);
    }

    [Fact]
    public void EvaluateBody_VariableValuesEmpty_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/0/values",
            "minItems",
            "must have at least 1 item",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![0]!["values"] = new JsonArray()));
    }

    [Fact]
    public void EvaluateBody_VariableValuesMoreThanTen_IsRefused()
    {
        var values = new JsonArray(Enumerable.Range(1, 11).Select(i => (JsonNode?)JsonValue.Create($"k{i}")).ToArray());

        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/0/values",
            "maxItems",
            "must have at most 10 items",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![0]!["values"] = values));
    }

    [Fact]
    public void EvaluateBody_VariableValuesRepeated_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/0/values",
            "uniqueItems",
            "must not contain duplicates",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![0]!["values"] = new JsonArray("男", "男")));
    }

    [Fact]
    public void EvaluateBody_VariableValueEmpty_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/0/values/1",
            "minLength",
            "must not be empty",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![0]!["values"] = new JsonArray("男", "")));
    }

    [Fact]
    public void EvaluateBody_VariableRuleWithoutValues_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/2",
            "required",
            "missing required field 'values'",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![2]!.AsObject().Remove("values")));
    }

    [Fact]
    public void EvaluateBody_VariableSortNegative_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_with_variable_list/1/sort",
            "minimum",
            "must be at least 0",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"]![1]!["sort"] = -1));
    }

    [Fact]
    public void EvaluateBody_VariableListOver100_IsRefused()
    {
        var entries = new JsonArray(Enumerable.Range(0, 101)
            .Select(i => (JsonNode?)JsonNode.Parse($$"""{"mode": 0, "values": ["v{{i}}"], "destination_extension": 10, "sort": {{i}}}"""))
            .ToArray());

        AssertSingle(
            "/task_extras/destination_extension_with_variable_list",
            "maxItems",
            "must have at most 100 items",
            Evaluate(b => Extras(b)["destination_extension_with_variable_list"] = entries));
    }

    [Theory]
    [InlineData("redial_interval", 61, "maximum", "must be at most 60")]
    [InlineData("redial_interval", -1, "minimum", "must be at least 0")]
    [InlineData("redial_max_times", 4, "maximum", "must be at most 3")]
    [InlineData("redial_max_times", -1, "minimum", "must be at least 0")]
    [InlineData("interval_time", -1, "minimum", "must be at least 0")]
    public void EvaluateBody_TaskExtrasNumberOutOfBounds_IsRefused(string field, int value, string keyword, string message)
    {
        AssertSingle($"/task_extras/{field}", keyword, message, Evaluate(b => Extras(b)[field] = value));
    }

    [Fact]
    public void EvaluateBody_TopLevelIntervalTimeNegative_IsRefused()
    {
        AssertSingle("/interval_time", "minimum", "must be at least 0", Evaluate(b => b["interval_time"] = -1));
    }

    [Fact]
    public void EvaluateBody_IntervalTimeInEitherPlace_IsAccepted()
    {
        Assert.Empty(Evaluate(b =>
        {
            b["interval_time"] = 0;
            Extras(b)["interval_time"] = 5;
        }));
    }

    [Theory]
    [InlineData(1, "minimum", "must be at least 2")]
    [InlineData(13, "maximum", "must be at most 12")]
    public void EvaluateBody_DaStatusOutOfRange_IsRefused(int value, string keyword, string message)
    {
        AssertSingle(
            "/task_extras/redial_conditions/da_status/0",
            keyword,
            message,
            Evaluate(b => Extras(b)["redial_conditions"]!["da_status"]![0] = value));
    }

    [Fact]
    public void EvaluateBody_DaStatusRepeated_IsRefused()
    {
        AssertSingle(
            "/task_extras/redial_conditions/da_status",
            "uniqueItems",
            "must not contain duplicates",
            Evaluate(b => Extras(b)["redial_conditions"]!["da_status"] = new JsonArray(2, 3, 2)));
    }

    [Fact]
    public void EvaluateBody_DaStatusAtTaskExtrasLevel_FollowsTheSameRules()
    {
        Assert.Empty(Evaluate(b => Extras(b)["da_status"] = new JsonArray(2, 11, 12)));
        AssertSingle("/task_extras/da_status/1", "maximum", "must be at most 12", Evaluate(b => Extras(b)["da_status"] = new JsonArray(2, 13)));
    }

    [Fact]
    public void EvaluateBody_RedialConditionsAsArray_IsATypeError()
    {
        AssertSingle(
            "/task_extras/redial_conditions",
            "type",
            "must be an object, not an array",
            Evaluate(b => Extras(b)["redial_conditions"] = new JsonArray(2, 3)));
    }

    [Theory]
    [InlineData("redial_enabled", "2")]
    [InlineData("redial_new_number_policy", "\"yes\"")]
    public void EvaluateBody_FlagNotBooleanNorZeroOne_IsOneMessage(string field, string value)
    {
        AssertSingle($"/task_extras/{field}", "anyOf", "must be true or false (or 1 or 0)", Evaluate(b => Extras(b)[field] = JsonNode.Parse(value)));
    }

    [Fact]
    public void EvaluateBody_ElasticityTypeNotAFlag_IsOneMessage()
    {
        AssertSingle("/elasticity_type", "anyOf", "must be true or false (or 1 or 0)", Evaluate(b => b["elasticity_type"] = "FALSE"));
    }

    [Fact]
    public void EvaluateBody_FlagsAsBooleans_AreAccepted()
    {
        Assert.Empty(Evaluate(b =>
        {
            b["elasticity_type"] = false;
            Extras(b)["redial_enabled"] = true;
        }));
    }

    [Theory]
    [InlineData("/task_extras/destination_extension_list/0/begin", "24:00")]
    [InlineData("/task_extras/destination_extension_list/0/end", "9:00")]
    [InlineData("/group_switch_rule/0/switch_start", "09:60")]
    [InlineData("/group_switch_rule/0/switch_end", "12:00:00")]
    public void EvaluateBody_TimeOfDayNotHhmm_IsRefused(string pointer, string value)
    {
        AssertSingle(pointer, "pattern", HhmmMessage, Evaluate(b => JsonTree.Set(b, pointer, JsonValue.Create(value))));
    }

    [Theory]
    [InlineData("start_time", "2024-13-01 00:00:00")]
    [InlineData("start_time", "2024-12-23T19:00:00")]
    [InlineData("stop_time", "2025-12-25")]
    [InlineData("stop_time", "2025-12-25 24:00:00")]
    public void EvaluateBody_DateTimeMalformed_IsRefused(string field, string value)
    {
        AssertSingle($"/task_extras/{field}", "pattern", DateTimeMessage, Evaluate(b => Extras(b)[field] = value));
    }

    [Theory]
    [InlineData("2024/11/1 13:25")]
    [InlineData("2024-11-01 13:25")]
    [InlineData("2024-12-23 19:00:00")]
    public void EvaluateBody_DateTimeInAnyDocumentedForm_IsAccepted(string value)
    {
        Assert.Empty(Evaluate(b => Extras(b)["start_time"] = value));
    }

    [Theory]
    [InlineData("""{"id": "d47c3599-f166-4cd0-999c-f60e46814d26"}""", "/task_extras/line/0", "required", "missing required field 'limit'")]
    [InlineData("""{"limit": 2}""", "/task_extras/line/0", "required", "missing required field 'id'")]
    [InlineData("""{"id": "", "limit": 2}""", "/task_extras/line/0/id", "minLength", "must not be empty")]
    [InlineData("""{"id": "d47c3599", "limit": 0}""", "/task_extras/line/0/limit", "minimum", "must be at least 1")]
    [InlineData("\"d47c3599-f166-4cd0-999c-f60e46814d26\"", "/task_extras/line/0", "type", "must be an object, not a string")]
    public void EvaluateBody_LineItemMalformed_IsRefused(string line, string pointer, string keyword, string message)
    {
        AssertSingle(pointer, keyword, message, Evaluate(b => Extras(b)["line"] = new JsonArray(JsonNode.Parse(line))));
    }

    [Theory]
    [InlineData("line")]
    [InlineData("holiday")]
    [InlineData("work_hour")]
    [InlineData("work_week")]
    [InlineData("destination_extension_list")]
    public void EvaluateBody_ListFieldNotAList_IsATypeError(string field)
    {
        AssertSingle($"/task_extras/{field}", "type", "must be an array, not an object", Evaluate(b => Extras(b)[field] = new JsonObject()));
    }

    [Fact]
    public void EvaluateBody_TaskExtrasAsArray_IsATypeError()
    {
        // The parameter table types task_extras as "array"; every example sends an object.
        AssertSingle("/task_extras", "type", "must be an object, not an array", Evaluate(b => b["task_extras"] = new JsonArray()));
    }

    [Fact]
    public void EvaluateBody_TimeWindowWithoutScriptGroup_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_list/0",
            "required",
            "missing required field 'destination_extension'",
            Evaluate(b => Extras(b)["destination_extension_list"]![0]!.AsObject().Remove("destination_extension")));
    }

    [Fact]
    public void EvaluateBody_GroupSwitchRuleWithoutGroup_IsRefused()
    {
        AssertSingle(
            "/group_switch_rule/0",
            "required",
            "missing required field 'group_id'",
            Evaluate(b => b["group_switch_rule"]![0]!.AsObject().Remove("group_id")));
    }

    [Theory]
    [InlineData("""{"begin": "2024-11-01 13:25", "end": "2024-11-03 13:25"}""")]
    [InlineData("""{"start": "2024-11-01 13:25", "end": "2024-11-03 13:25"}""")]
    public void EvaluateBody_HolidayWithBeginOrStart_IsAccepted(string holiday)
    {
        Assert.Empty(Evaluate(b => Extras(b)["holiday"] = new JsonArray(JsonNode.Parse(holiday))));
    }

    [Theory]
    [InlineData("""{"begin": "2024-11-01 13:25", "start": "2024-11-01 13:25", "end": "2024-11-03 13:25"}""")]
    [InlineData("""{"end": "2024-11-03 13:25"}""")]
    public void EvaluateBody_HolidayWithBothOrNeitherStartName_IsOneMessage(string holiday)
    {
        AssertSingle(
            "/task_extras/holiday/0",
            "oneOf",
            "needs exactly one of 'begin' or 'start'",
            Evaluate(b => Extras(b)["holiday"] = new JsonArray(JsonNode.Parse(holiday))));
    }

    [Fact]
    public void EvaluateBody_HolidayWithoutEnd_IsRefused()
    {
        AssertSingle(
            "/task_extras/holiday/0",
            "required",
            "missing required field 'end'",
            Evaluate(b => Extras(b)["holiday"] = new JsonArray(JsonNode.Parse("""{"begin": "2024-11-01 13:25"}"""))));
    }

    [Fact]
    public void EvaluateBody_HolidayEndMalformed_IsRefused()
    {
        AssertSingle(
            "/task_extras/holiday/0/end",
            "pattern",
            DateTimeMessage,
            Evaluate(b => Extras(b)["holiday"] = new JsonArray(JsonNode.Parse("""{"start": "2024-11-01 13:25", "end": "soon"}"""))));
    }

    [Fact]
    public void EvaluateBody_LegacyOnlyNewCallRules_IsRefusedNamingTheFlavour()
    {
        AssertSingle(
            "/new_call_rules",
            "not",
            "field 'new_call_rules' is only accepted with apiVersion tasks/v2-legacy (旧版任务2.0), not tasks/v2 (新版任务2.0)",
            Evaluate(b => b["new_call_rules"] = new JsonArray()));
    }

    [Fact]
    public void EvaluateBody_SeveralProblems_AreOrderedByPointerThenMessage()
    {
        var errors = Evaluate(b =>
        {
            b["zzz"] = 1;
            b["maximumcall"] = 0;
            Extras(b)["destination_extension_with_variable_list"]![2]!["mode"] = 9;
            Extras(b)["destination_extension_with_variable_list"]![0]!["mode"] = 9;
            Extras(b).Remove("pop_mode");
            Extras(b).Remove("start_time");
        });

        Assert.Equal(
            [
                "/maximumcall",
                "/task_extras",
                "/task_extras",
                "/task_extras/destination_extension_with_variable_list/0/mode",
                "/task_extras/destination_extension_with_variable_list/2/mode",
                "/zzz",
            ],
            errors.Select(e => e.InstancePointer));
        Assert.Equal("missing required field 'pop_mode'", errors[1].Message);
        Assert.Equal("missing required field 'start_time'", errors[2].Message);
    }
}

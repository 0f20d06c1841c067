using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>One refusal per top-level constraint of task-body-v2.schema.json, with the exact pointer and message.</summary>
public sealed class BodyV2SchemaTests
{
    private const string IdMessage = "must be an integer or a string of digits";
    private const string HhmmMessage = "must be a time of day as HH:MM, from 00:00 to 23:59";

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
    [InlineData("", "maximumcal", "maximumcall")]
    [InlineData("/task_extras", "pop_mod", "pop_mode")]
    [InlineData("/task_extras/line/0", "limt", "limit")]
    [InlineData("/task_extras/destination_extension_list/0", "start", null)]
    [InlineData("/task_extras/destination_extension_with_variable_list/1", "value", "values")]
    [InlineData("/task_extras/redial_conditions", "status", null)]
    [InlineData("/group_switch_rule/0", "group", null)]
    public void EvaluateBody_UnknownField_IsReportedAtTheFieldWithANearMiss(string parent, string field, string? nearMiss)
    {
        var errors = Evaluate(b => ((JsonObject)JsonTree.Find(b, parent))[field] = 1);

        var hint = nearMiss is null ? "" : $" (did you mean '{nearMiss}'?)";
        AssertSingle($"{parent}/{field}", "additionalProperties", $"unknown field '{field}'{hint}", errors);
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
    public void EvaluateBody_NameNotString_IsATypeError()
    {
        AssertSingle("/name", "type", "must be a string, not a number", Evaluate(b => b["name"] = 5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("\u3000\u00a0")]
    public void EvaluateBody_NameEmptyOrBlank_IsRefused(string name)
    {
        AssertSingle("/name", "pattern", "must not be empty or only white space (the platform refuses a blank value here)", Evaluate(b => b["name"] = name));
    }

    [Theory]
    [InlineData(" a ")]
    [InlineData("\ufeff")]
    [InlineData("clear\u001b[2J")]
    public void EvaluateBody_NameWithAnyVisibleCharacter_IsAccepted(string name)
    {
        Assert.Empty(Evaluate(b => b["name"] = name));
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

    [Fact]
    public void EvaluateBody_GroupSwitchRuleWithoutGroup_IsRefused()
    {
        AssertSingle(
            "/group_switch_rule/0",
            "required",
            "missing required field 'group_id'",
            Evaluate(b => b["group_switch_rule"]![0]!.AsObject().Remove("group_id")));
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

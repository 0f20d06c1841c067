using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>One refusal per task_extras constraint of task-body-v2.schema.json (times, lines, holidays, redial), with the exact pointer and message.</summary>
public sealed class BodyV2TaskExtrasSchemaTests
{
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
    [InlineData("""{"id": "", "limit": 2}""", "/task_extras/line/0/id", "pattern", "must not be empty or only white space (the platform refuses a blank value here)")]
    [InlineData("""{"id": "  ", "limit": 2}""", "/task_extras/line/0/id", "pattern", "must not be empty or only white space (the platform refuses a blank value here)")]
    [InlineData("""{"id": "\u3000 ", "limit": 2}""", "/task_extras/line/0/id", "pattern", "must not be empty or only white space (the platform refuses a blank value here)")]
    [InlineData("""{"id": "d47c3599\n", "limit": 2}""", "/task_extras/line/0/id", "pattern", "must not contain control characters (line breaks, tabs, escapes)")]
    [InlineData("""{"id": "d47\u001b[2J", "limit": 2}""", "/task_extras/line/0/id", "pattern", "must not contain control characters (line breaks, tabs, escapes)")]
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
}

using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>One refusal per constraint on the 新版 script-group lists (by time, by variable, multi config), with the exact pointer and message.</summary>
public sealed class BodyV2ScriptGroupSchemaTests
{
    private const string IdMessage = "must be an integer or a string of digits";

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

    [Fact]
    public void EvaluateBody_MultiConfigIdNotAnId_IsOneMessage()
    {
        var errors = Evaluate(b => Extras(b)["destination_extension_multi_config"] =
            JsonNode.Parse("""{"dial_mode": 0, "list": [{"destination_extension": "13 601", "sort": 1}]}"""));

        AssertSingle("/task_extras/destination_extension_multi_config/list/0/destination_extension", "anyOf", IdMessage, errors);
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

    [Fact]
    public void EvaluateBody_TimeWindowWithoutScriptGroup_IsRefused()
    {
        AssertSingle(
            "/task_extras/destination_extension_list/0",
            "required",
            "missing required field 'destination_extension'",
            Evaluate(b => Extras(b)["destination_extension_list"]![0]!.AsObject().Remove("destination_extension")));
    }
}

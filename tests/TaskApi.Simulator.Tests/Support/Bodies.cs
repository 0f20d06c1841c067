using System.Text.Json.Nodes;
using Reconciler.Testing.Simulator;

namespace TaskApi.Simulator.Tests.Support;

/// <summary>Variations of the sample bodies, edited as JSON trees (fine for bodies whose exact text is not under test).</summary>
public static class Bodies
{
    public static string V2With(Action<JsonObject> edit) => Edit(SampleBodies.V2(), edit);

    public static string LegacyWith(Action<JsonObject> edit) => Edit(SampleBodies.Legacy(), edit);

    public static JsonObject Extras(JsonObject body) => (JsonObject)body["task_extras"]!;

    /// <summary>Removes a property by dotted path, e.g. <c>task_extras.start_time</c>.</summary>
    public static void Remove(JsonObject body, string path)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            target = (JsonObject)target[part]!;
        }

        target.Remove(parts[^1]);
    }

    public static JsonObject VariableEntry(params string[] values) => new()
    {
        ["mode"] = 1,
        ["values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()),
        ["destination_extension"] = 11,
        ["sort"] = 1,
    };

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var node = (JsonObject)JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}

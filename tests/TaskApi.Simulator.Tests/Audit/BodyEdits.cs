using System.Globalization;
using System.Text.Json.Nodes;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>Edits of a body by dotted path (<c>task_extras.line.0.limit</c>: a number is a list index), values written as JSON text.</summary>
internal static class BodyEdits
{
    /// <summary>Sets a path to a JSON value written as text (numbers keep their exact text).</summary>
    public static void Set(JsonObject body, string path, string json)
    {
        var (owner, name) = Owner(body, path);
        if (owner is JsonArray list)
        {
            list[Index(name)] = JsonNode.Parse(json);
        }
        else
        {
            owner.AsObject()[name] = JsonNode.Parse(json);
        }
    }

    public static void Remove(JsonObject body, string path)
    {
        var (owner, name) = Owner(body, path);
        if (owner is JsonArray list)
        {
            list.RemoveAt(Index(name));
        }
        else
        {
            owner.AsObject().Remove(name);
        }
    }

    /// <summary>The value at a path as JSON text ("null" when absent).</summary>
    public static string Get(JsonObject body, string path) =>
        path.Split('.').Aggregate((JsonNode?)body, (node, segment) => node is JsonArray list ? list[Index(segment)] : node?[segment])?.ToJsonString() ?? "null";

    private static (JsonNode Owner, string Name) Owner(JsonObject body, string path)
    {
        var segments = path.Split('.');
        var owner = segments[..^1].Aggregate((JsonNode)body, (node, segment) => node is JsonArray list ? list[Index(segment)]! : node[segment]!);
        return (owner, segments[^1]);
    }

    private static int Index(string segment) => int.Parse(segment, CultureInfo.InvariantCulture);
}

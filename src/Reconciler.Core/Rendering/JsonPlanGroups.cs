using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;

namespace Reconciler.Core.Rendering;

/// <summary>
/// <c>groups[]</c> of the JSON plan (docs/plan-json.md): each group of identical changes once, with its accounts and
/// tasks. Added within format version 1: <c>entries[]</c> keep every task whole, as before, and name their group.
/// </summary>
internal static class JsonPlanGroups
{
    /// <param name="filePrefix">Written before every manifest path (<see cref="PlanText.ShownFile"/>).</param>
    public static JsonObject Group(ChangeGroup group, string filePrefix)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var change in group.Changes)
        {
            before[change.Path] = Value(change.Before);
            after[change.Path] = Value(change.After);
        }

        return new JsonObject
        {
            ["group"] = group.Number,
            ["action"] = group.Action.ToWord(),
            ["count"] = group.Count,
            ["paths"] = new JsonArray(group.Paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
            ["before"] = before,
            ["after"] = after,
            ["changes"] = new JsonArray(group.Changes.Select(JsonPlanRenderer.Change).ToArray<JsonNode?>()),
            ["accounts"] = new JsonArray(group.Accounts.Select(a => (JsonNode?)new JsonObject { ["user_id"] = a.UserId, ["count"] = a.Count }).ToArray()),
            ["tasks"] = new JsonArray(group.Members.Select(member => (JsonNode?)Task(member, filePrefix)).ToArray()),
        };
    }

    private static JsonNode? Value(string? json) => json is null ? null : CanonicalJson.Parse(json);

    private static JsonObject Task(PlanEntry entry, string filePrefix) => new()
    {
        ["user_id"] = entry.Identity.UserId,
        ["task_id"] = entry.Identity.TaskId,
        ["name"] = entry.Name,
        ["file"] = PlanText.ShownFile(entry.Location?.File, filePrefix),
    };
}

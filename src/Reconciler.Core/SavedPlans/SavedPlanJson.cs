using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.SavedPlans;

/// <summary>The <c>plan</c> object of a saved plan file and back (field by field as docs/saved-plans.md lists them).</summary>
internal static class SavedPlanJson
{
    public static JsonObject ToNode(SavedPlan plan) => new()
    {
        ["created_at"] = plan.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["state"] = new JsonObject
        {
            ["store_id"] = plan.State.StoreId,
            ["serial"] = plan.State.Serial,
            ["endpoint"] = plan.State.Endpoint,
            ["location"] = plan.State.Location,
        },
        ["source"] = new JsonObject
        {
            ["directory"] = plan.Source.Directory,
            ["repository"] = plan.Source.Repository,
            ["ref"] = plan.Source.Ref,
            ["path"] = plan.Source.RepositoryPath,
            ["include"] = Strings(plan.Source.Include),
            ["exclude"] = Strings(plan.Source.Exclude),
            ["revision"] = plan.Source.Revision,
            ["manifests_digest"] = plan.Source.ManifestsDigest,
        },
        ["options"] = new JsonObject { ["refresh"] = plan.Options.Refresh, ["targets"] = Strings(plan.Options.Targets) },
        ["summary"] = plan.Summary,
        ["entries"] = new JsonArray(plan.Entries.Select(Entry).ToArray<JsonNode?>()),
    };

    public static SavedPlan FromNode(JsonObject node)
    {
        var state = Object(node, "state");
        var source = Object(node, "source");
        var options = Object(node, "options");
        return new SavedPlan(
            DateTimeOffset.Parse(Text(node, "created_at")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            new SavedState(Text(state, "store_id"), Number(state, "serial"), Text(state, "endpoint") ?? throw Missing("state.endpoint"), Text(state, "location") ?? ""),
            new SavedSource(
                Text(source, "directory"),
                Text(source, "repository"),
                Text(source, "ref"),
                Text(source, "path"),
                Strings(source, "include"),
                Strings(source, "exclude"),
                Text(source, "revision"),
                Text(source, "manifests_digest") ?? throw Missing("source.manifests_digest")),
            new SavedPlanOptions(options["refresh"]?.GetValue<bool>() ?? false, Strings(options, "targets")),
            Text(node, "summary") ?? "",
            Array(node, "entries").Select(e => Entry((JsonObject)e!)).ToList());
    }

    private static JsonObject Entry(SavedEntry entry) => new()
    {
        ["action"] = entry.Action.ToWord(),
        ["user_id"] = entry.Identity.UserId,
        ["task_id"] = entry.Identity.TaskId,
        ["sub_user_id"] = entry.SubUserId,
        ["name"] = entry.Name,
        ["api_version"] = entry.Flavour?.ToApiVersion(),
        ["file"] = entry.File,
        ["line"] = entry.Line,
        ["column"] = entry.Column,
        ["reason"] = entry.Reason?.ToWord(),
        ["stop_before_update"] = entry.StopBeforeUpdate,
        ["replaces_hash"] = entry.Replaces,
        ["in_doubt_intent"] = entry.InDoubtIntent,
        ["live_digest"] = entry.LiveDigest,
        ["body_hash"] = entry.Body?.Hash,
        ["body"] = entry.Body?.Json,
        ["changes"] = new JsonArray(entry.Changes.Select(JsonPlanRenderer.Change).ToArray<JsonNode?>()),
        ["set"] = entry.Set?.Name,
        ["set_file"] = entry.Set?.File,
    };

    private static SavedEntry Entry(JsonObject node)
    {
        var action = Enum.GetValues<PlanAction>().Single(a => a.ToWord() == Text(node, "action"));
        if (!action.SendsPut() && action != PlanAction.Unmanage)
        {
            throw new FormatException($"entry action '{action.ToWord()}' is never saved");
        }

        var body = Text(node, "body") is { } json ? new CanonicalBody(json, Text(node, "body_hash") ?? throw Missing("body_hash")) : null;
        if (body is not null && (body.Hash != CanonicalJson.Hash(body.Json) || CanonicalBody.FromJson(body.Json).Json != body.Json))
        {
            throw new FormatException($"the body of {Text(node, "task_id")} is not the canonical body its hash names");
        }

        if (body is null && action.SendsPut())
        {
            throw Missing("body");
        }

        return new SavedEntry(
            action,
            new TaskIdentity(Text(node, "user_id") ?? throw Missing("user_id"), Text(node, "task_id") ?? throw Missing("task_id")),
            Text(node, "name"),
            Text(node, "file") ?? "",
            (int)Number(node, "line"),
            (int)Number(node, "column"),
            Text(node, "reason") is { } reason ? UpdateReasons.FromWord(reason) : null,
            ApiFlavours.FromApiVersion(Text(node, "api_version")),
            Text(node, "sub_user_id"),
            node["stop_before_update"]?.GetValue<bool>() ?? false,
            Text(node, "replaces_hash"),
            node["in_doubt_intent"] is null ? null : Number(node, "in_doubt_intent"),
            Text(node, "live_digest"),
            body,
            Array(node, "changes").Select(c => Change((JsonObject)c!)).ToList())
        {
            // Added within format 1: a file written before sets has neither field.
            Set = Text(node, "set") is { } set ? new TaskSetOrigin(set, Text(node, "set_file") ?? throw Missing("set_file")) : null,
        };
    }

    private static FieldChange Change(JsonObject node) => new(
        Text(node, "path") ?? throw Missing("changes[].path"),
        node["before"] is { } before ? CanonicalJson.Serialize(before) : null,
        node["after"] is { } after ? CanonicalJson.Serialize(after) : null)
    {
        Elements = node["elements"] is JsonArray elements ? elements.Select(e => Change((JsonObject)e!)).ToList() : [],
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static List<string> Strings(JsonObject node, string name) => Array(node, name).Select(v => v!.GetValue<string>()).ToList();

    private static JsonObject Object(JsonObject node, string name) => node[name] as JsonObject ?? throw Missing(name);

    private static JsonArray Array(JsonObject node, string name) => node[name] as JsonArray ?? throw Missing(name);

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>();

    private static long Number(JsonObject node, string name) => node[name]?.GetValue<long>() ?? throw Missing(name);

    private static FormatException Missing(string name) => new($"\"{name}\" is missing");
}

using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The machine format (<c>--format json</c>), documented in docs/plan-json.md. Its shape is a contract:
/// fields are only ever added, and <c>format_version</c> changes if one must ever be removed.
/// Values in <c>changes</c> are the JSON values themselves (numbers exact), not strings.
/// </summary>
public sealed class JsonPlanRenderer : IPlanRenderer
{
    public const int FormatVersion = 1;

    public string Render(Plan plan)
    {
        var summary = plan.Summary;
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["revision"] = plan.Revision,
            ["base_revision"] = plan.BaseRevision,
            ["baseline"] = plan.Compared == BaselineKind.BaseRevision ? "base_revision" : "live_state",
            ["summary"] = new JsonObject
            {
                ["update"] = summary.Update,
                ["adopt"] = summary.Adopt,
                ["unmanage"] = summary.Unmanage,
                ["invalid"] = summary.Invalid,
                ["unchanged"] = summary.Unchanged,
                ["suspended"] = summary.Suspended,
                ["has_changes"] = summary.HasChanges,
                ["deferred"] = plan.Deferred.Count(),
                ["text"] = summary.ToString(),
            },
            ["entries"] = new JsonArray(plan.Entries.Select(Entry).ToArray<JsonNode?>()),
        };
        // JSON escapes control characters itself; bidi controls it leaves raw, and a terminal would obey them.
        return ControlText.EscapeJson(CanonicalJson.Serialize(root, indented: true)) + "\n";
    }

    private static JsonObject Entry(PlanEntry entry) => new()
    {
        ["action"] = entry.Action.ToWord(),
        ["user_id"] = entry.Identity?.UserId,
        ["task_id"] = entry.Identity?.TaskId,
        ["sub_user_id"] = entry.Desired?.SubUserId,
        ["name"] = entry.Name,
        ["api_version"] = entry.Desired?.Flavour.ToApiVersion(),
        ["file"] = entry.Location?.File,
        ["line"] = entry.Action == PlanAction.Unmanage ? null : entry.Location?.Line,
        ["column"] = entry.Action == PlanAction.Unmanage ? null : entry.Location?.Column,
        ["body_hash"] = entry.Desired?.Body.Hash,
        ["previous_hash"] = entry.Baseline?.Body.Hash,
        ["reason"] = entry.Reason switch { UpdateReason.Changed => "changed", UpdateReason.InDoubt => "in_doubt", UpdateReason.Drift => "drift", _ => null },
        ["changes"] = new JsonArray(entry.Changes.Select(Change).ToArray<JsonNode?>()),
        ["remote"] = entry.Remote is null ? null : new JsonObject { ["running"] = entry.Remote.Running, ["status"] = entry.Remote.StatusText },
        ["blocked"] = entry.IsBlockedByRunningTask,
        ["will_stop"] = entry.WillStopTask,
        ["deferral"] = entry.Deferral is not { } deferral ? null : new JsonObject
        {
            ["kind"] = deferral.Word,
            ["reason"] = deferral.Reason,
            ["retry_at"] = deferral.RetryAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        },
        ["diagnostics"] = new JsonArray(entry.Diagnostics.Select(Diagnostic).ToArray<JsonNode?>()),
    };

    internal static JsonNode Diagnostic(Diagnostic diagnostic) => new JsonObject
    {
        ["severity"] = diagnostic.IsError ? "error" : "warning",
        ["code"] = diagnostic.Code,
        ["message"] = diagnostic.Message,
        ["file"] = diagnostic.Location?.File,
        ["line"] = diagnostic.Location?.Line,
        ["column"] = diagnostic.Location?.Column,
        ["json_path"] = diagnostic.JsonPath,
    };

    /// <summary>One field change; an array whose length changed also lists its element-level changes (added in a later version: <c>elements</c>).</summary>
    private static JsonNode Change(FieldChange change)
    {
        var node = new JsonObject
        {
            ["path"] = change.Path,
            ["kind"] = change.Kind.ToString().ToLowerInvariant(),
            ["before"] = change.Before is null ? null : CanonicalJson.Parse(change.Before),
            ["after"] = change.After is null ? null : CanonicalJson.Parse(change.After),
        };
        if (change.Elements.Count > 0)
        {
            node["elements"] = new JsonArray(change.Elements.Select(Change).ToArray<JsonNode?>());
        }

        return node;
    }
}

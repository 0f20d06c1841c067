using Reconciler.Core.Text;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The machine format (<c>--format json</c>), documented in docs/plan-json.md. Its shape is a contract:
/// fields are only ever added, and <c>format_version</c> changes if one must ever be removed.
/// Values in <c>changes</c> are the JSON values themselves (numbers exact), not strings.
/// </summary>
/// <param name="filePrefix">Written before every manifest path (<see cref="PlanText.ShownFile"/>): the directory as the user typed it, or "".</param>
public sealed class JsonPlanRenderer(string filePrefix = "") : IPlanRenderer
{
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // What CanonicalJson.Serialize(node, indented: true) writes with, so the text is the same either way.
        Encoder = CanonicalJson.Indented.Encoder,
        Indented = true,
        IndentSize = CanonicalJson.Indented.IndentSize,
    };

    /// <summary>False builds the entries one after the other on the calling thread (the tests' reference for the parallel rendering).</summary>
    internal bool RowsInParallel { get; init; } = true;

    public string Render(Plan plan)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Render(plan, output);
        return output.ToString();
    }

    /// <summary>Writes entry by entry: only one entry's tree and a small buffer are held at a time.</summary>
    public void Render(Plan plan, TextWriter output)
    {
        var summary = plan.Summary;
        var grouped = PlanGrouping.Of(plan);
        var buffer = new ArrayBufferWriter<byte>(48 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format_version", FormatVersion);
            WriteProperty(writer, "revision", plan.Revision);
            WriteProperty(writer, "base_revision", plan.BaseRevision);
            writer.WriteString("baseline", plan.Compared == BaselineKind.BaseRevision ? "base_revision" : "live_state");
            writer.WritePropertyName("summary");
            new JsonObject
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
            }.WriteTo(writer);
            writer.WritePropertyName("policy_problems");
            new JsonArray(plan.PolicyProblems.Select(d => Diagnostic(d, filePrefix)).ToArray<JsonNode?>()).WriteTo(writer);
            writer.WritePropertyName("entries");
            writer.WriteStartArray();
            // Each entry's tree depends on that entry alone: built on every core, written in order.
            ParallelRows.Map(
                plan.Rows,
                entry =>
                {
                    var node = Entry(entry);
                    node["group"] = grouped.GroupOf(entry)?.Number;
                    return node;
                },
                node =>
                {
                    node.WriteTo(writer);
                    // The writer keeps what it wrote as pending until flushed; count both.
                    if (writer.BytesPending + buffer.WrittenCount > 16 * 1024)
                    {
                        Drain(writer, buffer, output);
                    }
                },
                RowsInParallel);

            writer.WriteEndArray();
            writer.WritePropertyName("groups");
            writer.WriteStartArray();
            foreach (var group in grouped.Groups)
            {
                JsonPlanGroups.Group(group, filePrefix).WriteTo(writer);
                Drain(writer, buffer, output);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            Drain(writer, buffer, output);
        }

        output.Write('\n');
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>
    /// Everything written so far ends on a whole token, so the bytes decode to whole characters. Decoded into a
    /// pooled array, not a string: strings of this size would go to the large-object heap and pile up.
    /// </summary>
    private static void Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        writer.Flush();
        var characters = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount));
        try
        {
            var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, characters);

            // JSON escapes control characters itself; bidi controls it leaves raw, and a terminal would obey them.
            output.Write(ControlText.EscapeJson(new string(characters, 0, count)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(characters);
        }

        buffer.ResetWrittenCount();
    }

    /// <summary>One row; a document that names no task has the same keys, null or empty where only a task has a value.</summary>
    private JsonObject Entry(IPlanRow row)
    {
        var entry = row as PlanEntry;
        return new()
        {
            ["action"] = row.Action.ToWord(),
            ["user_id"] = entry?.Identity.UserId,
            ["task_id"] = entry?.Identity.TaskId,
            ["sub_user_id"] = entry?.Desired?.SubUserId,
            ["name"] = row.Name,
            ["api_version"] = entry?.Desired?.Flavour.ToApiVersion(),
            ["file"] = PlanText.ShownFile(row.Location?.File, filePrefix),
            ["line"] = row.Action == PlanAction.Unmanage ? null : row.Location?.Line,
            ["column"] = row.Action == PlanAction.Unmanage ? null : row.Location?.Column,
            ["body_hash"] = entry?.Desired?.Body.Hash,
            ["previous_hash"] = entry?.Baseline?.Body.Hash,
            ["reason"] = entry?.Reason?.ToWord(),
            ["changes"] = new JsonArray(PlanText.Changes(row).Select(Change).ToArray<JsonNode?>()),
            ["remote"] = entry?.Remote is not { } remote ? null : new JsonObject { ["running"] = remote.Running, ["status"] = remote.StatusText },
            ["blocked"] = entry?.IsBlockedByRunningTask ?? false,
            ["will_stop"] = entry?.WillStopTask ?? false,
            ["deferral"] = entry?.Deferral is not { } deferral ? null : new JsonObject
            {
                ["kind"] = deferral.Word,
                ["reason"] = deferral.Reason,
                ["retry_at"] = deferral.RetryAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["diagnostics"] = new JsonArray(row.Diagnostics.Select(d => Diagnostic(d, filePrefix)).ToArray<JsonNode?>()),
            ["refreshed"] = entry?.Refreshed ?? false,
            ["not_compared"] = new JsonArray((entry?.NotCompared ?? []).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
            ["set"] = row.SetName,
        };
    }

    /// <summary>A diagnostic as the JSON plan shows it (docs/plan-json.md); <c>validate --format json</c> shows the same.</summary>
    public static JsonNode Diagnostic(Diagnostic diagnostic) => Diagnostic(diagnostic, "");

    /// <summary>A diagnostic as the JSON plan shows it, its file after <paramref name="filePrefix"/> (<see cref="PlanText.ShownFile"/>).</summary>
    public static JsonNode Diagnostic(Diagnostic diagnostic, string filePrefix) => new JsonObject
    {
        ["severity"] = diagnostic.IsError ? "error" : "warning",
        ["code"] = diagnostic.Code,
        ["message"] = diagnostic.Message,
        ["file"] = PlanText.ShownFile(diagnostic.Location?.File, filePrefix),
        ["line"] = diagnostic.Location?.Line,
        ["column"] = diagnostic.Location?.Column,
        ["json_path"] = diagnostic.JsonPath,
    };

    /// <summary>One field change; an array whose length changed also lists its element-level changes (added in a later version: <c>elements</c>).</summary>
    internal static JsonNode Change(FieldChange change)
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

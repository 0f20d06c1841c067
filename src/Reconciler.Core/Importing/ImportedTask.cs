using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Refresh;

namespace Reconciler.Core.Importing;

/// <summary>
/// A live task turned back into a manifest's <c>spec</c>, from its detail answer, by the same mapping refresh uses
/// (<see cref="LiveFieldMapping"/>): the named top-level fields, the detail's <c>task_extras</c>, and the
/// documented 2.0 run settings under <c>new_task_extra</c>. Nothing is guessed: what the detail does not carry is
/// not in the spec, and detail fields that are not body fields are listed, not mapped.
/// </summary>
/// <param name="Flavour">新版 2.0 when the detail has the 2.0 run settings (<c>new_task_extra</c>), else 旧版.</param>
/// <param name="Unmapped">Detail fields with a value that are not PUT body fields (e.g. <c>caller_line_id</c>, <c>status</c>).</param>
public sealed record ImportedTask(TaskIdentity Identity, string? SubUserId, ApiFlavour Flavour, JsonObject Spec, IReadOnlyList<string> Unmapped)
{
    private static readonly string[] TopLevel = ["name", "maximumcall", "destination_extension", "dial_time_id", "end_action"];

    /// <summary>Detail fields that describe the run, not the body: never mapped, never listed.</summary>
    private static readonly HashSet<string> RunState = new(StringComparer.Ordinal) { "id", "status", "status_str", "call_status", "new_task_extra", "task_extras" };

    public static ImportedTask FromDetail(TaskIdentity identity, string? subUserId, JsonObject detail)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(detail);
        var spec = new JsonObject();
        foreach (var field in TopLevel)
        {
            if (detail[field] is { } value)
            {
                spec[field] = value.DeepClone();
            }
        }

        var run = detail["new_task_extra"] as JsonObject;
        var extras = (detail["task_extras"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        foreach (var (field, _) in LiveFieldMapping.RunSettings)
        {
            if (run?[field] is { } value)
            {
                extras[field] = value.DeepClone();
            }
        }

        spec["task_extras"] = extras;
        var unmapped = detail
            .Where(p => p.Value is not null && !RunState.Contains(p.Key) && !TopLevel.Contains(p.Key))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ImportedTask(identity, subUserId, run is null ? ApiFlavour.V2Legacy : ApiFlavour.V2, spec, unmapped);
    }
}

using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>
/// A live task turned back into a manifest's <c>spec</c> from its detail answer: every field the detail reports under
/// a body field name of the task's flavour (<see cref="BodyFieldNames"/>), at the same place — top level, or inside
/// <c>task_extras</c> — with its value exactly as sent. Nothing is guessed or renamed: a field reported as
/// <c>null</c> is "not set" (left out, and listed), and every other detail field is listed, never mapped
/// (docs/live-platform.md says what each known one means, and where that is written).
/// </summary>
/// <param name="Identity">From the request (the account and the task id asked for), never from the answer's text.</param>
/// <param name="SubUserId">From the request too.</param>
/// <param name="Flavour">新版 2.0 when the detail has the remote task (<c>new_task_extra</c>), else 旧版.</param>
/// <param name="NotImported">Detail fields (dotted paths) that are not body fields of this flavour, in the answer's order.</param>
/// <param name="ReportedEmpty">Body fields the detail reports as <c>null</c>, left out of the spec.</param>
public sealed record ImportedTask(
    TaskIdentity Identity,
    string? SubUserId,
    ApiFlavour Flavour,
    JsonObject Spec,
    IReadOnlyList<string> NotImported,
    IReadOnlyList<string> ReportedEmpty)
{
    public static ImportedTask FromDetail(TaskIdentity identity, string? subUserId, JsonObject detail)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(detail);
        var flavour = FlavourOf(detail);
        var body = Read(detail, flavour);
        return new ImportedTask(identity, subUserId, flavour, body.Spec, body.NotImported, body.ReportedEmpty);
    }

    /// <summary>The flavour a detail answer describes: the 2.0 detail of a 新版 task carries the remote task, <c>new_task_extra</c>.</summary>
    public static ApiFlavour FlavourOf(JsonObject detail) =>
        detail["new_task_extra"] is JsonObject ? ApiFlavour.V2 : ApiFlavour.V2Legacy;

    /// <summary>
    /// The body the platform reports for a task of <paramref name="flavour"/>: the detail's fields with body field names,
    /// <c>null</c>s left out. What import writes, and what refresh compares a manifest's omissions with.
    /// </summary>
    public static JsonObject PlatformBody(JsonObject detail, ApiFlavour flavour)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return Read(detail, flavour).Spec;
    }

    private static (JsonObject Spec, List<string> NotImported, List<string> ReportedEmpty) Read(JsonObject detail, ApiFlavour flavour)
    {
        var names = BodyFieldNames.Of(flavour);
        var spec = new JsonObject();
        var notImported = new List<string>();
        var empty = new List<string>();

        // The account is the request's: a sub_user_id in the answer is never taken.
        var topLevel = names.TopLevel.Where(n => n is not "sub_user_id").ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.TopLevel.Where(topLevel.Contains))
        {
            if (name == "task_extras")
            {
                if (detail[name] is JsonObject extras)
                {
                    spec[name] = ReadExtras(extras, names, notImported, empty);
                }

                continue;
            }

            Copy(detail, name, name, spec, empty);
        }

        foreach (var (key, value) in detail)
        {
            if (!topLevel.Contains(key) || (key == "task_extras" && value is not JsonObject))
            {
                notImported.Add(key);
            }
        }

        return (spec, notImported, empty);
    }

    private static JsonObject ReadExtras(JsonObject extras, BodyFieldNames names, List<string> notImported, List<string> empty)
    {
        var known = names.TaskExtras.ToHashSet(StringComparer.Ordinal);
        var spec = new JsonObject();
        foreach (var name in names.TaskExtras)
        {
            Copy(extras, name, "task_extras." + name, spec, empty);
        }

        notImported.AddRange(extras.Where(p => !known.Contains(p.Key)).Select(p => "task_extras." + p.Key));
        return spec;
    }

    private static void Copy(JsonObject from, string name, string path, JsonObject to, List<string> empty)
    {
        if (!from.TryGetPropertyValue(name, out var value))
        {
            return;
        }

        if (value is null)
        {
            empty.Add(path);
        }
        else
        {
            to[name] = value.DeepClone();
        }
    }
}

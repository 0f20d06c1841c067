using Reconciler.Core.Planning;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Phrases shared by every human-readable format, so the terminal and the PR say the same thing. Every
/// piece of text from outside (names, ids, values, file names, the platform's status text) is escaped
/// with <see cref="ControlText"/> here, once for all formats.
/// </summary>
public static class PlanText
{
    public static string Symbol(PlanAction action) => action switch
    {
        PlanAction.Invalid => "!",
        PlanAction.Update => "~",
        PlanAction.Adopt => "+",
        PlanAction.Unmanage => "-",
        PlanAction.Suspended => "z",
        _ => "=",
    };

    /// <summary>The row's name and task id; a document that names no task goes by its name, or else its file (shown after <paramref name="filePrefix"/>).</summary>
    public static string Title(IPlanRow row, string filePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(row);
        var name = string.IsNullOrEmpty(row.Name) ? null : row.Name;
        return ControlText.Escape((name, (row as PlanEntry)?.Identity) switch
        {
            (not null, { } identity) => $"{name} ({identity.TaskId})",
            (not null, null) => name,
            (null, { } identity) => identity.ToString(),
            _ => ShownFile(row.File, filePrefix) ?? "(unknown)",
        });
    }

    /// <summary>
    /// A manifest path as shown: after the display prefix (the manifest directory as the user typed it, or ""). Renderers
    /// prefix paths as they write them, so a plan of 100,000 entries is never copied to be shown.
    /// </summary>
    public static string? ShownFile(string? file, string filePrefix) => file is null || filePrefix.Length == 0 ? file : filePrefix + file;

    /// <summary>A row's field changes: a task's, or none for a document that names no task.</summary>
    public static IReadOnlyList<FieldChange> Changes(IPlanRow row) => row is PlanEntry entry ? entry.Changes : [];

    /// <summary>A row's deferral notes (<see cref="DeferralNotes(PlanEntry)"/>); a document that names no task has none.</summary>
    public static IEnumerable<string> DeferralNotes(IPlanRow row) => row is PlanEntry entry ? DeferralNotes(entry) : [];

    /// <summary>A row's action note (<see cref="ActionNote(PlanEntry, string)"/>); a document that names no task has none.</summary>
    public static string ActionNote(IPlanRow row, string filePrefix = "") => row is PlanEntry entry ? ActionNote(entry, filePrefix) : "";

    /// <summary>
    /// Notes that change what apply will do now: a running task (blocked, or stopped and left stopped), a change
    /// held back or waiting for the sync window, a task re-sent because its last attempt is in doubt.
    /// </summary>
    public static IEnumerable<string> DeferralNotes(PlanEntry entry)
    {
        var status = entry.Remote?.StatusText is { Length: > 0 } text ? $" ({ControlText.Escape(text)})" : "";
        if (entry.IsBlockedByRunningTask)
        {
            yield return $"blocked: {ControlText.Escape(entry.Remote?.Reading ?? "the task detail reads it as running")}; a running 2.0 task refuses updates (6007) until it is stopped — stop it on the platform, or set metadata.stop_before_update: true";
        }

        if (entry.WillStopTask)
        {
            yield return $"WILL STOP the running task{status} before updating it, and LEAVE IT STOPPED (no documented resume endpoint was found): restart it on the platform when ready";
        }

        if (entry.Deferral is { Kind: not DeferralKind.Running } deferral)
        {
            var last = deferral.LastMessage is { Length: > 0 } message ? $" (last answer{(deferral.ApiCode is { } code ? $" {code}" : "")}: {message})" : "";
            var what = entry.Action == PlanAction.Unmanage ? "kept, not unmanaged now" : "not sent now";
            yield return ControlText.Escape($"{what}: {deferral.Reason}{last}"); // the platform's message and file names are outside text
        }

        if (entry.NotCompared.Count > 0)
        {
            yield return $"not compared (the platform's detail does not carry them): {string.Join(", ", entry.NotCompared.Select(f => ControlText.Escape(f)))}";
        }

        if (entry.Reason == UpdateReason.InDoubt && entry.InDoubt is { } intent)
        {
            yield return $"in doubt: the result of the last attempt ({intent.At:u}) is unknown — the platform may hold that body or the previous one — so the desired body is sent again";
        }
    }

    /// <summary>What the plan compared with, in words: the header of every human format.</summary>
    public static string ComparedWith(Plan plan) => plan.Compared switch
    {
        BaselineKind.BaseRevision => plan.BaseRevision is { } baseRevision ? $"the base revision {Short(baseRevision)}" : "the base revision",
        _ => "the live state (what was last applied)",
    };

    public static string Short(string revision) => revision.Length > 12 ? revision[..12] : revision;

    /// <summary>What the action means for this entry; an unmanaged task names the file it came from, shown after <paramref name="filePrefix"/>.</summary>
    public static string ActionNote(PlanEntry entry, string filePrefix = "") => entry.Action switch
    {
        PlanAction.Update when entry.Reason == UpdateReason.Drift => "drift: the live task differs from the manifest (changed on the platform); shown live → desired",
        PlanAction.Adopt when entry.Refreshed => "not tracked yet: the whole body will be sent and tracked from now on; shown live → desired",
        PlanAction.Adopt => "not tracked yet: the whole body will be sent and tracked from now on",
        PlanAction.Unmanage when entry.Deferral is not null => $"manifest not found (was {ControlText.Escape(ShownFile(entry.File, filePrefix))})",
        PlanAction.Unmanage => $"manifest gone (was {ControlText.Escape(ShownFile(entry.File, filePrefix))}): the record is forgotten; the remote task is not touched",
        PlanAction.Suspended => "metadata.suspend is true: left alone",
        _ => "",
    };

    public static string Change(FieldChange change) => ControlText.Escape(change.Kind switch
    {
        FieldChangeKind.Added => $"+ {Planner.Display(change.Path)}: {change.After}",
        FieldChangeKind.Removed => $"- {Planner.Display(change.Path)}: {change.Before}",
        _ => $"~ {Planner.Display(change.Path)}: {change.Before} → {change.After}",
    });

    /// <summary>
    /// The change as text lines: one line, or for an array whose length changed a summary line and its
    /// element-level changes indented below it.
    /// </summary>
    public static IEnumerable<string> ChangeLines(FieldChange change)
    {
        if (change.Elements.Count == 0)
        {
            yield return Change(change);
            yield break;
        }

        yield return ControlText.Escape($"~ {Planner.Display(change.Path)}: {Count(change.Before)} → {Count(change.After)} elements");
        foreach (var element in change.Elements)
        {
            yield return "  " + Change(element);
        }
    }

    /// <summary>The same change as unified-diff lines (<c>-</c> old, <c>+</c> new), for markdown diff blocks.</summary>
    public static IEnumerable<string> DiffLines(FieldChange change)
    {
        if (change.Elements.Count > 0)
        {
            foreach (var line in change.Elements.SelectMany(DiffLines))
            {
                yield return line;
            }

            yield break;
        }

        if (change.Before is not null)
        {
            yield return ControlText.Escape($"- {Planner.Display(change.Path)}: {change.Before}");
        }

        if (change.After is not null)
        {
            yield return ControlText.Escape($"+ {Planner.Display(change.Path)}: {change.After}");
        }
    }

    private static int Count(string? array) => array is null ? 0 : System.Text.Json.Nodes.JsonNode.Parse(array) is System.Text.Json.Nodes.JsonArray items ? items.Count : 0;
}

using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Planning;

/// <summary>
/// Pairs desired tasks with a baseline (the last-applied inventory, or a base revision) by identity and
/// decides one action for each. A pure function: same inputs, same plan, same order.
/// </summary>
internal static class Planner
{
    /// <summary>Plans against the live state: <paramref name="lastApplied"/> and nothing in doubt.</summary>
    public static Plan Plan(DesiredState desired, IReadOnlyDictionary<TaskIdentity, AppliedRecord> lastApplied) =>
        Plan(desired, Baseline.LiveState(lastApplied));

    public static Plan Plan(DesiredState desired, Baseline baseline)
    {
        var lastApplied = baseline.Records;
        var entries = new List<PlanEntry>();
        var claimed = new HashSet<TaskIdentity>();

        foreach (var task in desired.Tasks)
        {
            claimed.Add(task.Identity);
            var entry = PlanTask(task, lastApplied.GetValueOrDefault(task.Identity), baseline.InDoubt.GetValueOrDefault(task.Identity));
            entries.Add(task.Set is null ? entry : entry with { SetName = task.Set.Name });
        }

        var unidentified = new List<UnidentifiedDocument>();
        foreach (var invalid in desired.Invalid)
        {
            if (invalid.Identity is not { } identity)
            {
                unidentified.Add(new UnidentifiedDocument(invalid.Name, invalid.Location, invalid.Diagnostics) { SetName = invalid.Set?.Name });
                continue;
            }

            // A broken manifest still claims its task: we never forget a task because of a typo.
            claimed.Add(identity);
            entries.Add(new PlanEntry(PlanAction.Invalid, identity, invalid.Name, invalid.Location, [], invalid.Diagnostics)
            {
                Baseline = lastApplied.GetValueOrDefault(identity),
                InDoubt = baseline.InDoubt.GetValueOrDefault(identity),
                SetName = invalid.Set?.Name,
            });
        }

        foreach (var record in lastApplied.Values.Where(r => !claimed.Contains(r.Identity)))
        {
            if (desired.MayHold(record.SourceFile))
            {
                // Its manifest may be in a file (or directory) we could not read whole, or in an invalid document: keep it managed.
                continue;
            }

            // Unmanage only what a complete, valid tree no longer holds (Flux skips pruning when the build fails).
            entries.Add(new PlanEntry(PlanAction.Unmanage, record.Identity, null, SourceLocation.StartOf(record.SourceFile), [], [])
            {
                Baseline = record,
                Deferral = desired.IncompleteReason is { } reason ? new Deferral(DeferralKind.SourceIncomplete, reason) : null,
                SetName = record.SetName,
            });
        }

        return new Plan(PlanOrder.Sort(entries), desired.Revision, baseline.Revision)
        {
            Compared = baseline.Kind,
            UnidentifiedDocuments = unidentified.Order<UnidentifiedDocument>(PlanRows.Order).ToList(),
        };
    }

    private static PlanEntry PlanTask(TaskManifest task, BaselineRecord? record, TaskIntent? inDoubt)
    {
        if (task.Suspend)
        {
            return new PlanEntry(PlanAction.Suspended, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task, Baseline = record, InDoubt = inDoubt };
        }

        if (record is null)
        {
            // Everything is sent: show each top-level field as added, like terraform's create (worked out when read).
            return new PlanEntry(PlanAction.Adopt, task.Identity, task.Name, task.Location, new AdoptionChanges(task.Body), task.Warnings) { Desired = task, InDoubt = inDoubt };
        }

        if (record.Body.SameHash(task.Body))
        {
            // Equal to what was last applied, but a later attempt may have changed the platform: send it again.
            // (Against the live state the two are one object already: BodySharing.)
            return inDoubt is null
                ? new PlanEntry(PlanAction.Unchanged, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task, Baseline = record }
                : new PlanEntry(PlanAction.Update, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task, Baseline = record, Reason = UpdateReason.InDoubt, InDoubt = inDoubt };
        }

        var before = record.Body.ToNode();
        var after = task.Body.ToNode();
        var omitted = JsonDiff.OmittedFields(before, after).Select(path => Diagnostic.Warning("field-omitted", OmittedMessage(path), task.Location, "/spec" + path));
        return new PlanEntry(PlanAction.Update, task.Identity, task.Name, task.Location, JsonDiff.Compare(before, after), DiagnosticOrder.Sort([.. task.Warnings, .. omitted]))
        {
            Desired = task,
            Baseline = record,
            Reason = inDoubt is null ? UpdateReason.Changed : UpdateReason.InDoubt,
            InDoubt = inDoubt,
        };
    }

    /// <summary>
    /// What is known about a field that was applied before and is now left out. Only what the API document says:
    /// for <c>bridge_group_id</c> it says "不传这个键,则表示为空" (omitting the key means empty), so the transfer group
    /// is cleared; for every other field it does not say whether the platform keeps or clears an omitted field.
    /// </summary>
    public static string OmittedMessage(string path) => OmittedMessage(path, "was applied before");

    /// <param name="held">How the field is known to be on the platform, e.g. "was applied before".</param>
    public static string OmittedMessage(string path, string held) => path == "/bridge_group_id"
        ? $"bridge_group_id {held} and is now omitted: the API document says omitting this key means empty (不传这个键,则表示为空), so this update clears the task's transfer group; set it to keep one"
        : $"{Display(path)} {held} and is now omitted: the API document does not say whether the platform keeps or clears a field it is not sent, so its value on the platform after this update is unknown; set it explicitly to be sure";

    /// <summary><c>/task_extras/line</c> → <c>task_extras.line</c>, the way people name fields.</summary>
    public static string Display(string pointer) => pointer.TrimStart('/').Replace('/', '.');
}

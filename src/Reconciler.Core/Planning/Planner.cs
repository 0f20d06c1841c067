using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Planning;

/// <summary>
/// Pairs desired tasks with the last-applied inventory by identity and decides one action for each.
/// A pure function: same inputs, same plan, same order.
/// </summary>
public static class Planner
{
    public static Plan Plan(DesiredState desired, IReadOnlyDictionary<TaskIdentity, AppliedRecord> lastApplied, string? baseRevision = null)
    {
        var entries = new List<PlanEntry>();
        var claimed = new HashSet<TaskIdentity>();

        foreach (var task in desired.Tasks)
        {
            claimed.Add(task.Identity);
            entries.Add(PlanTask(task, lastApplied.GetValueOrDefault(task.Identity)));
        }

        foreach (var invalid in desired.Invalid)
        {
            if (invalid.Identity is not null)
            {
                // A broken manifest still claims its task: we never forget a task because of a typo.
                claimed.Add(invalid.Identity);
            }

            entries.Add(new PlanEntry(PlanAction.Invalid, invalid.Identity, invalid.Name, invalid.Location, [], invalid.Diagnostics)
            {
                LastApplied = invalid.Identity is null ? null : lastApplied.GetValueOrDefault(invalid.Identity),
            });
        }

        foreach (var record in lastApplied.Values.Where(r => !claimed.Contains(r.Identity)))
        {
            if (desired.UnreadableFiles.Contains(record.SourceFile))
            {
                // Its manifest may be in the part of the file we could not read: keep it managed.
                continue;
            }

            entries.Add(new PlanEntry(PlanAction.Unmanage, record.Identity, null, SourceLocation.StartOf(record.SourceFile), [], [])
            {
                LastApplied = record,
            });
        }

        return new Plan(entries.Order(EntryOrder.Instance).ToList(), desired.Revision, baseRevision);
    }

    private static PlanEntry PlanTask(TaskManifest task, AppliedRecord? record)
    {
        if (task.Suspend)
        {
            return new PlanEntry(PlanAction.Suspended, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task, LastApplied = record };
        }

        if (record is null)
        {
            // Everything is sent: show each top-level field as added, like terraform's create (worked out when read).
            return new PlanEntry(PlanAction.Adopt, task.Identity, task.Name, task.Location, new AdoptionChanges(task.Body), task.Warnings) { Desired = task };
        }

        if (record.Body.Hash == task.Body.Hash)
        {
            // One body object for both when they are equal: a plan against a full state of 100,000 tasks
            // would otherwise hold every body twice (the inventory's copy is dropped with the inventory).
            var shared = ReferenceEquals(record.Body, task.Body) || !record.Body.Equals(task.Body) ? record : record with { Body = task.Body };
            return new PlanEntry(PlanAction.Unchanged, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task, LastApplied = shared };
        }

        var before = record.Body.ToNode();
        var after = task.Body.ToNode();
        var omitted = JsonDiff.OmittedFields(before, after).Select(path => Diagnostic.Warning(
            "field-omitted",
            $"{Display(path)} was applied before and is now omitted; the API keeps a field it is not sent, so the platform keeps its last value — set it explicitly to change it",
            task.Location,
            "/spec" + path));
        return new PlanEntry(PlanAction.Update, task.Identity, task.Name, task.Location, JsonDiff.Compare(before, after), DiagnosticOrder.Sort([.. task.Warnings, .. omitted]))
        {
            Desired = task,
            LastApplied = record,
        };
    }

    /// <summary><c>/task_extras/line</c> → <c>task_extras.line</c>, the way people name fields.</summary>
    public static string Display(string pointer) => pointer.TrimStart('/').Replace('/', '.');

    private sealed class EntryOrder : IComparer<PlanEntry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(PlanEntry? x, PlanEntry? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var byAction = x.Action.CompareTo(y.Action);
            if (byAction != 0)
            {
                return byAction;
            }

            var byLocation = Comparer<SourceLocation?>.Default.Compare(x.Location, y.Location);
            if (byLocation != 0)
            {
                return byLocation;
            }

            return Comparer<TaskIdentity?>.Default.Compare(x.Identity, y.Identity);
        }
    }
}

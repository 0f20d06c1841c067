using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Core.Planning;

/// <summary>
/// The one place where a plan against the live state holds each unchanged body once: after validation, every record
/// whose body equals its manifest's takes the manifest's body object (and identity), so the copies the state store
/// read are dropped with the inventory it returned. Against a full state of 100,000 tasks a second copy of every body
/// would cost about 130 MB. Validation never sees the inventory; the planner finds equal bodies already shared.
/// </summary>
internal static class BodySharing
{
    /// <summary><paramref name="applied"/> with each record equal to its task holding the task's body and identity objects.</summary>
    public static IReadOnlyDictionary<TaskIdentity, AppliedRecord> Share(IReadOnlyList<TaskManifest> tasks, IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(applied);
        var byIdentity = new Dictionary<TaskIdentity, TaskManifest>(tasks.Count);
        foreach (var task in tasks)
        {
            byIdentity.TryAdd(task.Identity, task);
        }

        var shared = new Dictionary<TaskIdentity, AppliedRecord>(applied.Count);
        foreach (var (identity, record) in applied)
        {
            if (byIdentity.TryGetValue(identity, out var task) && record.Body.Hash == task.Body.Hash && record.Body.Equals(task.Body))
            {
                shared.Add(task.Identity, record with { Identity = task.Identity, Body = task.Body });
            }
            else
            {
                shared.Add(identity, record);
            }
        }

        return shared;
    }
}

using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Core.Planning;

/// <summary>
/// The one place where a plan against the live state holds each unchanged body once: after validation, a record whose
/// body equals its manifest's takes the manifest's body object (and identity). The engine hands <see cref="Share"/> to
/// the state store, which applies it to each record as it reads it, so the store's copy of an unchanged body is garbage
/// at once and never held beside the manifests' (a full state of 100,000 tasks would otherwise hold every body twice at
/// the peak, about 130 MB). Validation never sees the inventory; the planner finds equal bodies already shared.
/// </summary>
internal sealed class BodySharing
{
    private readonly Dictionary<TaskIdentity, TaskManifest> _tasks;

    public BodySharing(IReadOnlyList<TaskManifest> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _tasks = new Dictionary<TaskIdentity, TaskManifest>(tasks.Count);
        foreach (var task in tasks)
        {
            _tasks.TryAdd(task.Identity, task);
        }
    }

    /// <summary><paramref name="record"/>, holding its task's body and identity objects when the bodies are equal.</summary>
    public AppliedRecord Share(AppliedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _tasks.TryGetValue(record.Identity, out var task) && !ReferenceEquals(record.Body, task.Body) && record.Body.SameHash(task.Body) && record.Body.Equals(task.Body)
            ? record with { Identity = task.Identity, Body = task.Body }
            : record;
    }
}

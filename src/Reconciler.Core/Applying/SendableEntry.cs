using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// A plan entry the applier sends (or records as blocked): its task and the desired manifest whose body goes out, both
/// present by type. Built once, by <see cref="Select"/>, so the applying steps never ask whether there is a body.
/// </summary>
internal sealed record SendableEntry(PlanEntry Entry, TaskManifest Desired)
{
    public TaskIdentity Identity => Entry.Identity;

    /// <summary>
    /// The entries apply works on now: those it sends, and those a running task blocks (recorded, not sent). The planner
    /// gives every action that sends (update, adopt) its desired manifest, so none of them is left out here.
    /// </summary>
    public static List<SendableEntry> Select(Plan plan) =>
        plan.Entries
            .Where(e => e.WillSend || e.IsBlockedByRunningTask)
            .SelectMany(e => e.Desired is { } desired ? [new SendableEntry(e, desired)] : Array.Empty<SendableEntry>())
            .ToList();
}

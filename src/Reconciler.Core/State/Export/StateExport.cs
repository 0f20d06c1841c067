using Reconciler.Core.State;

namespace Reconciler.Core.State.Export;

/// <summary>
/// Every record of a state store, row for row with its ids, for moving a store to another engine
/// (<c>reconciler state migrate</c>): the inventory, every intent (settled or not), every attempt with the intent it
/// settles, every run, every body the platform accepted, every revision hold (open or released), and what the store is
/// (<c>store_info</c>: its id and the endpoint it is bound to).
/// </summary>
public sealed record StateExport(
    IReadOnlyList<AppliedRecord> Tasks,
    IReadOnlyList<ExportedIntent> Intents,
    IReadOnlyList<ExportedAttempt> Attempts,
    IReadOnlyList<ExportedRun> Runs,
    IReadOnlyList<ExportedBody> AcceptedBodies,
    IReadOnlyList<ExportedHold> Holds,
    IReadOnlyDictionary<string, string> Info)
{
    /// <summary>Row counts per table, as a migration verifies them on both sides.</summary>
    public StateCounts Counts => new(Tasks.Count, Intents.Count, Attempts.Count, Runs.Count, AcceptedBodies.Count, Holds.Count, Info.Count);
}

using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// A saved plan as a plan again, for showing and applying: one entry per saved change, each with the saved body as
/// its desired body — nothing is planned anew, so nothing but these entries and bodies can be sent.
/// </summary>
internal static class SavedPlanReplay
{
    /// <param name="applied">The state's records now (checked equal to what the plan replaces), shown as each entry's baseline.</param>
    public static Plan ToPlan(SavedPlan plan, IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, IReadOnlyDictionary<TaskIdentity, TaskIntent> inDoubt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(inDoubt);
        var entries = plan.Entries.Select(e => Entry(e, applied.GetValueOrDefault(e.Identity), inDoubt.GetValueOrDefault(e.Identity))).ToList();
        return new Plan(entries, plan.Source.Revision) { Compared = BaselineKind.LiveState };
    }

    private static PlanEntry Entry(SavedEntry saved, AppliedRecord? record, TaskIntent? inDoubt)
    {
        var location = new SourceLocation(saved.File, saved.Line, saved.Column);
        return new PlanEntry(saved.Action, saved.Identity, saved.Name, location, saved.Changes, [])
        {
            Desired = saved.Body is null ? null : new TaskManifest(saved.Identity, saved.Flavour ?? ApiFlavour.V2, saved.Name ?? "", saved.Body, Suspend: false, saved.StopBeforeUpdate, location, [])
            {
                SubUserId = saved.SubUserId,
                Set = saved.Set,
            },
            SetName = saved.Set?.Name ?? record?.SetName,
            Baseline = record is null ? null : BaselineRecord.From(record),
            Reason = saved.Reason,
            InDoubt = inDoubt,
        };
    }
}

using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying.Rollout;

/// <summary>
/// Turns the service's open <see cref="RevisionHold"/> into plan data: while the plan's revision is the one held, every
/// change that would be sent or forgotten is deferred (<see cref="DeferralKind.RevisionHeld"/>), so nothing of a halted or
/// rolled-back revision goes out and each such task stays planned, with the reason, in every output.
/// </summary>
public static class RevisionHoldPolicy
{
    /// <summary>Whether <paramref name="hold"/> holds back a plan of <paramref name="revision"/>.</summary>
    public static bool Holds(RevisionHold? hold, string? revision) => hold is not null && revision is not null && hold.Revision == revision;

    public static Plan Apply(Plan plan, RevisionHold? hold)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!Holds(hold, plan.Revision))
        {
            return plan;
        }

        var deferral = new Deferral(DeferralKind.RevisionHeld, Reason(hold!));
        return plan with
        {
            Entries = plan.Entries
                .Select(e => e.Deferral is null && (e.Action.SendsPut() || e.Action == PlanAction.Unmanage) ? e with { Deferral = deferral } : e)
                .ToList(),
        };
    }

    private static string Reason(RevisionHold hold) => hold.Kind == RevisionHoldKind.Halted
        ? $"{hold}; not sent until a new revision or `reconciler sync --resume`"
        : $"{hold}; this revision is not applied again until the branch moves (or `reconciler sync --resume`)";
}

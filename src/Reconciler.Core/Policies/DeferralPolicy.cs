using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Policies;

/// <summary>
/// Turns the service's policies into plan data: a change whose same body failed before waits for its per-task
/// backoff (read from the <see cref="TaskLedger"/>), and while no sync window is open every change waits for the
/// next one. Deferred entries stay in the plan with their reason (nothing is removed), so every output and
/// <c>/status</c> can show them.
/// </summary>
internal static class DeferralPolicy
{
    public static Plan Apply(Plan plan, TaskLedger? ledger, SyncSchedule? windows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var windowOpen = windows?.IsOpen(now) ?? true;
        if (ledger is null && windowOpen)
        {
            return plan;
        }

        return plan with { Entries = plan.Entries.Select(e => Defer(e, ledger, windows, windowOpen, now)).ToList() };
    }

    private static PlanEntry Defer(PlanEntry entry, TaskLedger? ledger, SyncSchedule? windows, bool windowOpen, DateTimeOffset now)
    {
        if (entry.Deferral is not null || !(entry.Action.SendsPut() || entry.Action == PlanAction.Unmanage))
        {
            return entry;
        }

        if (ledger?.HeldBack(entry, now) is { } held)
        {
            var reason = held.RetryAt is { } retry
                ? $"held back after {held.Failures} attempt(s) that ended {held.Outcome.ToWord()}; next try at {retry:u}"
                : "held back: this body was rejected; it is sent again when the manifest changes (or by an explicit apply)";
            return entry with { Deferral = new Deferral(DeferralKind.HeldBack, reason, held.RetryAt, held.Failures, held.ApiCode, held.Message, held.Outcome) };
        }

        if (!windowOpen)
        {
            var opens = windows!.NextOpening(now);
            return entry with { Deferral = new Deferral(DeferralKind.OutsideWindow, $"outside the sync window ({windows}); applied when it opens at {opens:u}", opens) };
        }

        return entry;
    }
}

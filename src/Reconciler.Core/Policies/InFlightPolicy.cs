using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Policies;

/// <summary>
/// Fences the platform, not only the state: a task with an open request (<see cref="OpenRequest"/>: sent by a killed
/// apply, a leader that lost its term, or an earlier attempt, and not past its deadline) whose body differs from the one
/// about to be sent is deferred until that deadline, so the old request cannot land after the new body and overwrite it.
/// A request of the same body may land whenever it likes: it changes nothing, so that task is sent at once.
/// </summary>
public static class InFlightPolicy
{
    /// <summary>Added to every deadline: the replica that recorded it may read its clock a little differently (keep clocks in sync with NTP).</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(5);

    public static Plan Apply(Plan plan, IReadOnlyList<OpenRequest> open, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(open);
        if (open.Count == 0)
        {
            return plan;
        }

        var byTask = open.GroupBy(r => r.Identity).ToDictionary(g => g.Key, g => g.ToList());
        return plan with { Entries = plan.Entries.Select(e => Defer(e, byTask, now)).ToList() };
    }

    private static PlanEntry Defer(PlanEntry entry, Dictionary<Manifests.TaskIdentity, List<OpenRequest>> open, DateTimeOffset now)
    {
        if (entry.Deferral is not null || !entry.Action.SendsPut() || !open.TryGetValue(entry.Identity, out var requests))
        {
            return entry;
        }

        var racing = requests.Where(r => r.BodyHash != entry.Desired?.Body.Hash && r.Deadline + ClockMargin > now).ToList();
        if (racing.Count == 0)
        {
            return entry;
        }

        var until = racing.Max(r => r.Deadline) + ClockMargin;
        var first = racing.Min(r => r.At);
        return entry with
        {
            Deferral = new Deferral(
                DeferralKind.InFlight,
                $"an earlier request for this task with another body (recorded {first:u}, unanswered) may still be stored until {until:u}: this change is sent after that, so the old request cannot overwrite it",
                until),
        };
    }
}

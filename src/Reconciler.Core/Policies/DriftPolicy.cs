using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Policies;

/// <summary>
/// What to do with drift (a live task changed on the platform, found by refresh). With self-heal, re-apply it —
/// unless the <see cref="TaskLedger"/> says it was re-applied <see cref="MaxHealsPerHour"/> times within the last
/// hour already: someone keeps changing it (Argo CD's self-heal users know the fight), so it is held back and
/// reported. Without self-heal, report only. Keeps no memory of its own.
/// </summary>
public sealed record DriftPolicy(bool Heal, int MaxHealsPerHour = 3)
{
    public Plan Apply(Plan plan, TaskLedger? ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with { Entries = plan.Entries.Select(e => Decide(e, ledger, now)).ToList() };
    }

    private PlanEntry Decide(PlanEntry entry, TaskLedger? ledger, DateTimeOffset now)
    {
        if (entry.Reason != UpdateReason.Drift || entry.Deferral is not null)
        {
            return entry;
        }

        if (!Heal)
        {
            return entry with { Deferral = new Deferral(DeferralKind.DriftReported, "the live task differs from the manifest; reported, not corrected (self-heal is off)") };
        }

        var recent = ledger?.RecentHeals(entry.Identity, now) ?? 0;
        return recent < MaxHealsPerHour
            ? entry
            : entry with { Deferral = new Deferral(DeferralKind.Fighting, $"re-applied {recent} times in the last hour after drift: someone keeps changing it on the platform; held back (fix the manifest or the platform)", Failures: recent) };
    }
}

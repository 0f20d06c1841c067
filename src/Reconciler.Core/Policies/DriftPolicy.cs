using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Policies;

/// <summary>
/// What to do with drift (a live task changed on the platform, found by refresh). With self-heal, re-apply it —
/// unless it was re-applied <see cref="MaxHealsPerHour"/> times within the last hour already: someone keeps
/// changing it (Argo CD's self-heal users know the fight), so it is held back and reported. Without self-heal,
/// report only. Remembers heals for the life of the process. Thread-safe.
/// </summary>
public sealed class DriftPolicy(bool heal, int maxHealsPerHour = 3)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<TaskIdentity, List<DateTimeOffset>> _heals = [];

    public bool Heal => heal;

    public int MaxHealsPerHour => maxHealsPerHour;

    public Plan Apply(Plan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with { Entries = plan.Entries.Select(e => Decide(e, now)).ToList() };
    }

    /// <summary>Counts the drifted tasks that were re-applied.</summary>
    public void Record(IEnumerable<TaskApplyResult> results, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(results);
        lock (_gate)
        {
            foreach (var result in results.Where(r => r.Outcome == ApplyOutcome.Applied && r.Entry.Reason == UpdateReason.Drift))
            {
                if (!_heals.TryGetValue(result.Entry.Identity!, out var times))
                {
                    _heals[result.Entry.Identity!] = times = [];
                }

                times.Add(now);
            }
        }
    }

    private PlanEntry Decide(PlanEntry entry, DateTimeOffset now)
    {
        if (entry.Reason != UpdateReason.Drift || entry.Deferral is not null)
        {
            return entry;
        }

        if (!heal)
        {
            return entry with { Deferral = new Deferral(DeferralKind.DriftReported, "the live task differs from the manifest; reported, not corrected (self-heal is off)") };
        }

        var recent = RecentHeals(entry.Identity!, now);
        return recent < maxHealsPerHour
            ? entry
            : entry with { Deferral = new Deferral(DeferralKind.Fighting, $"re-applied {recent} times in the last hour after drift: someone keeps changing it on the platform; held back (fix the manifest or the platform)", Failures: recent) };
    }

    private int RecentHeals(TaskIdentity identity, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_heals.TryGetValue(identity, out var times))
            {
                return 0;
            }

            times.RemoveAll(t => now - t >= Window);
            return times.Count;
        }
    }
}

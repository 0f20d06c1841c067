using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Refresh;

namespace Reconciler.Service.Refresh;

/// <summary>
/// One pass's share of the refresh: of the tasks that are due (never read, or last sent a read about one period ago),
/// at most the quota the elapsed time earns (the fleet over the period, so reads trickle evenly) and the rate limit's
/// share allows. Previously drifted tasks first, then tasks that change now or changed within the period, then the
/// longest unread. The engine calls <see cref="Choose"/> once, with the pass's plan; the book then records the slice.
/// A slice gives its pass back when <paramref name="yield"/> is cancelled (a push is waiting): the tasks it did not read
/// leave the slice and their quota returns to the book, so they stay due for the next slice.
/// </summary>
public sealed class RefreshSlice(RefreshBook book, DateTimeOffset now, CancellationToken yield = default) : IRefreshSelection
{
    /// <summary>What <see cref="Choose"/> picked (empty until the engine asked).</summary>
    public IReadOnlyList<PlanEntry> Chosen { get; private set; } = [];

    public DateTimeOffset At => now;

    public CancellationToken Yield => yield;

    /// <summary>Chosen tasks left unread because the slice gave its pass back.</summary>
    public int Yielded { get; private set; }

    public void NotRead(IReadOnlyList<PlanEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var unread = entries.ToHashSet();
        Chosen = Chosen.Where(e => !unread.Contains(e)).ToList();
        Yielded += unread.Count;
        book.GiveBack(unread.Count);
    }

    public IReadOnlyList<PlanEntry> Choose(IReadOnlyList<PlanEntry> readable)
    {
        ArgumentNullException.ThrowIfNull(readable);
        var pace = book.PaceFor(readable.Count);
        var quota = book.TakeQuota(readable.Count, pace, now);
        Chosen = Pick(readable, book.Mark, pace, quota, now);
        return Chosen;
    }

    /// <summary>The pure choice: the due tasks in priority order, at most <paramref name="quota"/>.</summary>
    public static IReadOnlyList<PlanEntry> Pick(IReadOnlyList<PlanEntry> readable, Func<TaskIdentity, ReadMark?> mark, RefreshPace pace, int quota, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(pace);
        if (quota <= 0)
        {
            return [];
        }

        // Due a little before a whole period has passed, so a slice that starts late does not push a task past it.
        var dueBefore = now - (pace.Period - (pace.Tick / 2));
        return readable
            .Select(entry => (Entry: entry, Mark: mark(entry.Identity)))
            .Where(x => x.Mark is not { } m || m.AttemptedAt <= dueBefore)
            .OrderBy(x => Rank(x.Entry, x.Mark, pace, now))
            .ThenBy(x => x.Mark?.AttemptedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(x => x.Entry.Baseline?.AppliedAt ?? DateTimeOffset.MinValue)
            .Take(quota)
            .Select(x => x.Entry)
            .ToList();
    }

    /// <summary>0: drifted when last read; 1: changes now, or was applied within the period; 2: the rest.</summary>
    private static int Rank(PlanEntry entry, ReadMark? mark, RefreshPace pace, DateTimeOffset now) =>
        mark is { Drifted: true } ? 0
        : entry.Action.SendsPut() || now - (entry.Baseline?.AppliedAt ?? DateTimeOffset.MinValue) < pace.Period ? 1
        : 2;
}

using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Service.Refresh;

/// <summary>
/// The service's memory of its live reads: when each managed task was last read (and last sent a read), whether it
/// was drifted then, and the quota credit that spreads reads over the period. Owned by the runner, which is called by
/// one loop only: not thread-safe; readers get the immutable <see cref="Summary"/>.
/// </summary>
public sealed class RefreshBook(TimeSpan interval, TimeSpan resync, double? maxRps, DateTimeOffset startedAt)
{
    private readonly Dictionary<TaskIdentity, ReadMark> _marks = [];
    private readonly DateTimeOffset _startedAt = startedAt;
    private DateTimeOffset _lastSlice = startedAt;
    private double _credit;
    private int _lastSliceReads;

    /// <summary>The pace for the fleet of the last plan; null before the first plan.</summary>
    public RefreshPace? Pace { get; private set; }

    public RefreshSummary? Summary { get; private set; }

    public ReadMark? Mark(TaskIdentity identity) => _marks.TryGetValue(identity, out var mark) ? mark : null;

    public DateTimeOffset? LastReadAt(TaskIdentity identity) => Mark(identity)?.ReadAt;

    /// <summary>A selection for a pass at <paramref name="now"/>; give it back to <see cref="Record"/> after the run.</summary>
    /// <param name="yield">Cancelled when the pass should be given back (a push is waiting): the reads not yet made are left for the next slice.</param>
    public RefreshSlice Slice(DateTimeOffset now, CancellationToken yield = default) => new(this, now, yield);

    /// <summary>Reads a slice took but did not make (it gave its pass back): the next slice may make them.</summary>
    internal void GiveBack(int reads) => _credit += reads;

    internal RefreshPace PaceFor(int managed) => RefreshPace.For(managed, interval, resync, maxRps);

    /// <summary>The reads the time since the last slice earns (a whole fleet per period, carried over in fractions), capped by the rate's share.</summary>
    internal int TakeQuota(int managed, RefreshPace pace, DateTimeOffset now)
    {
        var elapsed = now - _lastSlice;
        _lastSlice = now;
        _credit = Math.Min(managed, _credit + (managed * Math.Max(0, elapsed / pace.Period)));
        var quota = (int)Math.Floor(_credit + 1e-9);
        quota = pace.SliceCap is { } cap ? Math.Min(quota, cap) : quota;
        _credit = Math.Max(0, _credit - quota);
        return quota;
    }

    /// <summary>Takes in a finished run: the slice's reads, the fleet of its plan (tasks no longer managed are forgotten), the summary.</summary>
    /// <param name="slice">The pass's slice; null when the pass did not refresh.</param>
    /// <returns>The previous read's age of each task read successfully now (for the staleness histogram).</returns>
    public IReadOnlyList<TimeSpan> Record(Plan? plan, RefreshSlice? slice, DateTimeOffset now)
    {
        if (plan is null)
        {
            return [];
        }

        var readable = plan.Entries.Where(e => e.Desired is not null && e.Action is PlanAction.Unchanged or PlanAction.Update or PlanAction.Adopt).ToList();
        var ages = new List<TimeSpan>();
        if (slice is { Chosen.Count: > 0 })
        {
            var chosen = slice.Chosen.Select(e => e.Identity).ToHashSet();
            foreach (var entry in readable.Where(e => chosen.Contains(e.Identity)))
            {
                var before = Mark(entry.Identity);
                if (entry.Refreshed)
                {
                    ages.Add(slice.At - (before?.ReadAt ?? _startedAt));
                }

                _marks[entry.Identity] = entry.Refreshed
                    ? new ReadMark(slice.At, slice.At, entry.LiveChanges is { Count: > 0 })
                    : new ReadMark(slice.At, before?.ReadAt, before?.Drifted ?? false);
            }

        }

        _lastSliceReads = slice?.Chosen.Count ?? _lastSliceReads;

        Forget(readable);
        if (Pace is null && slice is null)
        {
            // Reads are earned from the first plan on: a long first pass (a clone, the first adoption) is not a debt.
            _lastSlice = now;
        }

        Pace = PaceFor(readable.Count);
        Summary = Summarise(readable, Pace, now);
        return ages;
    }

    private void Forget(List<PlanEntry> readable)
    {
        if (_marks.Count == 0)
        {
            return;
        }

        var managed = readable.Select(e => e.Identity).ToHashSet();
        foreach (var gone in _marks.Keys.Where(id => !managed.Contains(id)).ToList())
        {
            _marks.Remove(gone);
        }
    }

    private RefreshSummary Summarise(List<PlanEntry> readable, RefreshPace pace, DateTimeOffset now)
    {
        var ages = readable.Select(e => (now - (Mark(e.Identity)?.ReadAt ?? _startedAt)).TotalSeconds).Order().ToArray();
        var neverRead = readable.Count(e => Mark(e.Identity)?.ReadAt is null);
        var overdueAfter = (pace.Period + pace.Tick).TotalSeconds;
        return new RefreshSummary(
            pace.Period.TotalSeconds,
            pace.Tick.TotalSeconds,
            readable.Count,
            neverRead,
            ages.Count(a => a > overdueAfter),
            ages.Length == 0 ? 0 : ages[^1],
            ages.Length == 0 ? 0 : ages[ages.Length / 2],
            _lastSliceReads,
            pace.NeededRate(readable.Count),
            pace.Keeps(readable.Count));
    }
}

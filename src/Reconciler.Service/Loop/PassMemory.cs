namespace Reconciler.Service.Loop;

/// <summary>
/// When a pass ends with a compacting collection that gives memory back. Over a large fleet a long pass promotes what
/// it held only while it ran (the inventory, the plan, the live details) to gen2, where the workstation collector would
/// leave it until its budget ran out: RSS carried two or three passes' worth (docs/performance.md, "The service at
/// 100,000 tasks"). The rule is relative to the live data, as the last collection measured it: a pass ends with a
/// collection when what the collector holds has grown, since that collection, by more than a headroom (a share of the
/// live size, never less than a floor), so every pass ends near live + headroom whatever the fleet's size, and RSS stays
/// flat from pass to pass (docs/performance.md, "Round six"). An idle poll grows nothing, so it never collects; a
/// one-file push grows the heap by less than the headroom, so its pass is not charged a full collection (several of them
/// add up to one). Not thread-safe: the loop's alone.
/// </summary>
public sealed class PassMemory
{
    /// <summary>
    /// The headroom as a share of the live size (our choice). At 100,000 tasks (~205 MB live) a resync pass grows the
    /// collector's hold by about 48 MB: a quarter (~51 MB) let it stay there (RSS 485-496 MB); a tenth collects after each
    /// such pass, for about 0.1-0.3 s of CPU (docs/performance.md, "Round six").
    /// </summary>
    public const double HeadroomShare = 0.1;

    /// <summary>
    /// The least headroom (our choice): below it a collection gives back too little to be worth its CPU, and a small
    /// fleet's passes rarely call for one; the collector's own gen0 budget (the CLI's runtime config: 32 MB).
    /// </summary>
    public const long MinimumHeadroom = 32L * 1024 * 1024;

    /// <summary>What the collector held right after the last collection after a pass (0 before the first: all of it is growth).</summary>
    private long _committedAfterCollection;

    /// <summary>The live size the last collection after a pass left (0 before the first).</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Collections this process made after a pass.</summary>
    public int Collections { get; private set; }

    /// <summary>How much the collector may grow beyond what it held after the last collection, for a live size of <paramref name="liveBytes"/>.</summary>
    public static long Headroom(long liveBytes) => Math.Max(MinimumHeadroom, (long)(liveBytes * HeadroomShare));

    /// <summary>
    /// The rule, without the runtime: whether a pass ends with a collection, given the live size and what the collector
    /// held right after the last one, and what it holds now.
    /// </summary>
    public static bool ShouldCollect(bool reconciled, long liveBytes, long committedAfterCollection, long committedBytes) =>
        reconciled && committedBytes - committedAfterCollection > Headroom(liveBytes);

    /// <summary>
    /// After a pass: collect (blocking, compacting, decommitting what is free) when <see cref="ShouldCollect"/> says so,
    /// then give malloc's free memory back too (<see cref="NativeHeap"/>: at 100,000 tasks RSS 415 → 385 MB).
    /// </summary>
    public void AfterPass(bool reconciled)
    {
        if (!ShouldCollect(reconciled, LiveBytes, _committedAfterCollection, Committed()))
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        LiveBytes = GC.GetTotalMemory(forceFullCollection: false);
        _committedAfterCollection = Committed();
        Collections++;
    }

    /// <summary>
    /// What the collector holds now: committed as of its last collection, or more when objects allocated since (a large
    /// one goes straight to its own heap) already take more than that.
    /// </summary>
    private static long Committed() => Math.Max(GC.GetGCMemoryInfo().TotalCommittedBytes, GC.GetTotalMemory(forceFullCollection: false));
}

namespace Reconciler.Service.Loop;

/// <summary>
/// When a pass ends with a compacting collection that gives memory back. Over a large fleet a long pass promotes what
/// it held only while it ran (the inventory, the plan, the live details) to gen2, where the workstation collector would
/// leave it until its budget ran out: RSS carried two or three passes' worth (docs/performance.md, "The service at
/// 100,000 tasks"). The rule is relative to the live data, as the last collection measured it: a pass ends with a
/// collection when the memory the collector holds beyond that live size has grown past a headroom (a share of the live
/// size, never less than a floor), so every pass ends near live + headroom, whatever the fleet's size. A pass that
/// allocated less than the headroom since the last collection never collects: a collection could not give back more than
/// that, and a full compacting collection of a large heap costs an idle poll or a one-file push more CPU than everything
/// else it did. Not thread-safe: the loop's alone.
/// </summary>
public sealed class PassMemory
{
    /// <summary>The headroom as a share of the live size (our choice: RSS stays within about 1.25× the live data, plus code).</summary>
    public const double HeadroomShare = 0.25;

    /// <summary>
    /// The least headroom (our choice): below it a collection gives back too little to be worth its CPU, and a small
    /// fleet's heap never triggers one; about the collector's own gen0 budget (the CLI's runtime config: 32 MB).
    /// </summary>
    public const long MinimumHeadroom = 48L * 1024 * 1024;

    private long _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();

    /// <summary>The live size the last collection after a pass left (0 before the first: everything is headroom).</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Collections this process made after a pass.</summary>
    public int Collections { get; private set; }

    /// <summary>The bytes the collector may hold beyond <paramref name="liveBytes"/> before a pass ends with a collection.</summary>
    public static long Headroom(long liveBytes) => Math.Max(MinimumHeadroom, (long)(liveBytes * HeadroomShare));

    /// <summary>
    /// The rule, without the runtime: whether a pass ends with a collection, given the live size after the last one, the
    /// bytes the collector has committed now, and the bytes allocated since the last one.
    /// </summary>
    public static bool ShouldCollect(bool reconciled, long liveBytes, long committedBytes, long allocatedSinceLastCollection)
    {
        var headroom = Headroom(liveBytes);
        return reconciled && committedBytes - liveBytes > headroom && allocatedSinceLastCollection >= headroom;
    }

    /// <summary>After a pass: collect (blocking, compacting, decommitting what is free) when <see cref="ShouldCollect"/> says so.</summary>
    public void AfterPass(bool reconciled)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (!ShouldCollect(reconciled, LiveBytes, Committed(), allocated - _allocatedAtLastCollection))
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LiveBytes = GC.GetTotalMemory(forceFullCollection: false);
        _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();
        Collections++;
    }

    /// <summary>
    /// What the collector holds now: committed as of its last collection, or more when objects allocated since (a large
    /// one goes straight to its own heap) already take more than that.
    /// </summary>
    private static long Committed() => Math.Max(GC.GetGCMemoryInfo().TotalCommittedBytes, GC.GetTotalMemory(forceFullCollection: false));
}

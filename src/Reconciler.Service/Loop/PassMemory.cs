namespace Reconciler.Service.Loop;

/// <summary>
/// When a pass ends with a compacting collection. Over a large fleet a long pass promotes what it held only while it
/// ran (the inventory, the plan, the live details) to gen2, where the workstation collector would leave it until its
/// budget ran out: RSS carried two or three passes' worth (docs/performance.md, "The service at 100,000 tasks"). But a
/// small pass (a one-file push) allocates little, and a full compacting collection of a 300 MB heap costs it more CPU
/// than everything else it did: so the collection waits until the passes since the last one have allocated a good share
/// of the heap (counted across passes, so many small passes still end in one). Not thread-safe: the loop's alone.
/// </summary>
public sealed class PassMemory
{
    /// <summary>The heap size after which a pass may end with a full collection (our choice: well above a 10,000-task fleet's live data).</summary>
    public const long CollectAbove = 256L * 1024 * 1024;

    /// <summary>Bytes allocated since the last collection, as a share of the heap, that call for the next one (our choice: RSS stays within about 1.5× the live data).</summary>
    public const double AllocatedShare = 0.5;

    private long _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();

    /// <summary>Collections this process made after a pass.</summary>
    public int Collections { get; private set; }

    /// <summary>The rule, without the runtime: whether a reconciled pass over a heap of <paramref name="heapBytes"/> ends with a collection.</summary>
    public static bool ShouldCollect(bool reconciled, long heapBytes, long allocatedSinceLastCollection) =>
        reconciled && heapBytes > CollectAbove && allocatedSinceLastCollection >= heapBytes * AllocatedShare;

    /// <summary>After a pass: collect (blocking, compacting) when <see cref="ShouldCollect"/> says so.</summary>
    public void AfterPass(bool reconciled)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (!ShouldCollect(reconciled, GC.GetGCMemoryInfo().HeapSizeBytes, allocated - _allocatedAtLastCollection))
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _allocatedAtLastCollection = GC.GetTotalAllocatedBytes();
        Collections++;
    }
}

namespace Reconciler.Service.Tests.Units;

/// <summary>
/// When a pass ends with a compacting collection: when what the collector holds has grown, since the last collection,
/// by more than a headroom (a share of the live size, at least a floor). Alone in the assembly while it runs: the
/// collector's figures are the process's, and another test's allocations would count as a pass's growth.
/// </summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class PassMemoryTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void Headroom_SmallLiveSize_IsTheFloor()
    {
        Assert.Equal(PassMemory.MinimumHeadroom, PassMemory.Headroom(0));
        Assert.Equal(PassMemory.MinimumHeadroom, PassMemory.Headroom(300 * MB));
    }

    [Fact]
    public void Headroom_LargeLiveSize_IsAShareOfIt() =>
        Assert.Equal(50 * MB, PassMemory.Headroom(500 * MB));

    [Fact]
    public void ShouldCollect_PassThatDidNotReconcile_Never() =>
        Assert.False(PassMemory.ShouldCollect(reconciled: false, liveBytes: 220 * MB, committedAfterCollection: 230 * MB, committedBytes: 1_000 * MB));

    [Fact]
    public void ShouldCollect_ResyncAtOneHundredThousandTasks_Collects()
    {
        // Measured (ClrMD): ~232 MB committed after a collection, ~280 MB after a resync pass that did not collect: ~48 MB of growth, over a 32 MB headroom.
        Assert.True(PassMemory.ShouldCollect(reconciled: true, liveBytes: 205 * MB, committedAfterCollection: 232 * MB, committedBytes: 280 * MB));
    }

    [Fact]
    public void ShouldCollect_GrowthWithinTheHeadroom_Waits()
    {
        // A small pass: 20 MB of growth over a 220 MB live heap.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 220 * MB, committedAfterCollection: 230 * MB, committedBytes: 250 * MB));

        // A small fleet: 20 MB live, grown by 30 MB, within the 32 MB floor.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 20 * MB, committedAfterCollection: 30 * MB, committedBytes: 60 * MB));
    }

    [Fact]
    public void ShouldCollect_SeveralSmallPasses_AddUpToOne()
    {
        var committed = 230 * MB;
        var collectedAfter = 0;
        for (var pass = 1; pass <= 3 && collectedAfter == 0; pass++)
        {
            committed += 12 * MB;
            collectedAfter = PassMemory.ShouldCollect(reconciled: true, liveBytes: 220 * MB, committedAfterCollection: 230 * MB, committedBytes: committed) ? pass : 0;
        }

        Assert.Equal(3, collectedAfter);
    }

    [Fact]
    public void ShouldCollect_IdlePassAfterACollection_Never()
    {
        // The collector kept its own budget committed after the collection (300 MB over 220 MB live); nothing has grown since.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 220 * MB, committedAfterCollection: 300 * MB, committedBytes: 300 * MB));
    }

    [Fact]
    public void ShouldCollect_BeforeTheFirstCollection_AllOfItIsGrowth()
    {
        Assert.True(PassMemory.ShouldCollect(reconciled: true, liveBytes: 0, committedAfterCollection: 0, committedBytes: 300 * MB));
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 0, committedAfterCollection: 0, committedBytes: 30 * MB));
    }

    [Fact]
    public void NativeHeapTrim_OnGlibc_BindsAndRuns()
    {
        NativeHeap.Trim();

        // The P/Invoke found malloc_trim (a wrong name or library would be caught and turn the trim off for good).
        var glibc = OperatingSystem.IsLinux() && !Directory.EnumerateFiles("/lib", "ld-musl-*").Any();
        Assert.Equal(glibc, NativeHeap.IsAvailable);
    }

    [Fact]
    public void AfterPass_NotReconciled_DoesNotCollect()
    {
        var memory = new PassMemory();
        memory.AfterPass(reconciled: false);
        Assert.Equal(0, memory.Collections);
        Assert.Equal(0, memory.LiveBytes);
    }

    [Fact]
    public void AfterPass_RightAfterACollection_DoesNotCollectAgain()
    {
        var memory = new PassMemory();

        // Hold more than the floor, so the first reconciled pass collects for certain.
        var held = new List<byte[]>();
        for (var i = 0; i < 80; i++)
        {
            held.Add(new byte[MB]);
        }

        memory.AfterPass(reconciled: true);
        Assert.Equal(1, memory.Collections);
        Assert.True(memory.LiveBytes >= 80 * MB);

        // A pass that grew nothing after it: no second collection.
        memory.AfterPass(reconciled: true);
        Assert.Equal(1, memory.Collections);
        GC.KeepAlive(held);
    }
}

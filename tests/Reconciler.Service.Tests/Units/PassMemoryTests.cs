namespace Reconciler.Service.Tests.Units;

/// <summary>
/// When a pass ends with a compacting collection: when the collector holds more than a headroom (a share of the live
/// size, at least a floor) beyond the live data, and the passes since the last collection allocated at least that much.
/// </summary>
public sealed class PassMemoryTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void Headroom_SmallLiveSize_IsTheFloor()
    {
        Assert.Equal(PassMemory.MinimumHeadroom, PassMemory.Headroom(0));
        Assert.Equal(PassMemory.MinimumHeadroom, PassMemory.Headroom(100 * MB));
    }

    [Fact]
    public void Headroom_LargeLiveSize_IsAShareOfIt() =>
        Assert.Equal(60 * MB, PassMemory.Headroom(240 * MB));

    [Fact]
    public void ShouldCollect_PassThatDidNotReconcile_Never() =>
        Assert.False(PassMemory.ShouldCollect(reconciled: false, liveBytes: 240 * MB, committedBytes: 1_000 * MB, allocatedSinceLastCollection: 10_000 * MB));

    [Fact]
    public void ShouldCollect_CommittedWithinTheHeadroom_Waits()
    {
        // 240 MB live: the headroom is 60 MB; 290 MB committed is 50 MB over.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 240 * MB, committedBytes: 290 * MB, allocatedSinceLastCollection: 500 * MB));

        // A small fleet: 20 MB live, 60 MB committed is 40 MB over, within the 48 MB floor.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 20 * MB, committedBytes: 60 * MB, allocatedSinceLastCollection: 500 * MB));
    }

    [Fact]
    public void ShouldCollect_CommittedBeyondTheHeadroom_Collects()
    {
        // The 100,000-task fleet after a resync pass: 240 MB live, 330 MB committed (90 MB over a 60 MB headroom).
        Assert.True(PassMemory.ShouldCollect(reconciled: true, liveBytes: 240 * MB, committedBytes: 330 * MB, allocatedSinceLastCollection: 150 * MB));

        // A small fleet whose collector holds more than the floor beyond its live data.
        Assert.True(PassMemory.ShouldCollect(reconciled: true, liveBytes: 20 * MB, committedBytes: 80 * MB, allocatedSinceLastCollection: 49 * MB));
    }

    [Fact]
    public void ShouldCollect_PassesThatAllocatedLessThanTheHeadroom_Wait()
    {
        // Committed is far over, but a collection could give back at most the 20 MB allocated since the last one.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 240 * MB, committedBytes: 400 * MB, allocatedSinceLastCollection: 20 * MB));

        // An idle pass right after a collection that left the collector's own budget committed: nothing allocated, nothing to do.
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 240 * MB, committedBytes: 400 * MB, allocatedSinceLastCollection: 0));
    }

    [Fact]
    public void ShouldCollect_BeforeTheFirstCollection_EverythingCommittedIsHeadroom()
    {
        Assert.True(PassMemory.ShouldCollect(reconciled: true, liveBytes: 0, committedBytes: 300 * MB, allocatedSinceLastCollection: 600 * MB));
        Assert.False(PassMemory.ShouldCollect(reconciled: true, liveBytes: 0, committedBytes: 40 * MB, allocatedSinceLastCollection: 600 * MB));
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

        // Allocate more than the floor, and keep it live, so the first reconciled pass collects for certain.
        var held = new List<byte[]>();
        for (var i = 0; i < 80; i++)
        {
            held.Add(new byte[MB]);
        }

        memory.AfterPass(reconciled: true);
        Assert.Equal(1, memory.Collections);
        Assert.True(memory.LiveBytes >= 80 * MB);

        // A pass that allocated nothing after it: no second collection, however much the collector holds.
        memory.AfterPass(reconciled: true);
        Assert.Equal(1, memory.Collections);
        GC.KeepAlive(held);
    }
}

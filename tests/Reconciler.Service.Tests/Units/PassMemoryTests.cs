namespace Reconciler.Service.Tests.Units;

/// <summary>When a pass ends with a compacting collection: a large heap, and enough allocated since the last one.</summary>
public sealed class PassMemoryTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void ShouldCollect_SmallHeap_Never() =>
        Assert.False(PassMemory.ShouldCollect(reconciled: true, heapBytes: 200 * MB, allocatedSinceLastCollection: 10_000 * MB));

    [Fact]
    public void ShouldCollect_PassThatDidNotReconcile_Never() =>
        Assert.False(PassMemory.ShouldCollect(reconciled: false, heapBytes: 400 * MB, allocatedSinceLastCollection: 10_000 * MB));

    [Fact]
    public void ShouldCollect_SmallPassOverALargeHeap_Waits() =>
        Assert.False(PassMemory.ShouldCollect(reconciled: true, heapBytes: 300 * MB, allocatedSinceLastCollection: 20 * MB));

    [Fact]
    public void ShouldCollect_PassesThatAllocatedHalfTheHeap_Collect()
    {
        Assert.True(PassMemory.ShouldCollect(reconciled: true, heapBytes: 300 * MB, allocatedSinceLastCollection: 150 * MB));
        Assert.True(PassMemory.ShouldCollect(reconciled: true, heapBytes: 600 * MB, allocatedSinceLastCollection: 900 * MB));
    }

    [Fact]
    public void AfterPass_NotReconciled_DoesNotCollect()
    {
        var memory = new PassMemory();
        memory.AfterPass(reconciled: false);
        Assert.Equal(0, memory.Collections);
    }
}

using Reconciler.Service;
using Xunit;

namespace Reconciler.Service.Tests.Units;

public sealed class TriggerQueueTests
{
    [Fact]
    public void Request_ABurstWhileBusy_BecomesOnePoll()
    {
        var queue = new TriggerQueue();
        for (var i = 0; i < 5; i++)
        {
            queue.Request($"push {i}");
        }

        Assert.True(queue.TryTake(out var first));
        Assert.Equal("push 0", first);
        Assert.False(queue.TryTake(out _));
        Assert.Equal(5, queue.Requested);
    }
}

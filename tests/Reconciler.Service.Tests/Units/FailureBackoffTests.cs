namespace Reconciler.Service.Tests.Units;

/// <summary>Failed fetches and failed runs (an unusable state store) back off the same way: doubling, capped, never hammering.</summary>
public sealed class FailureBackoffTests
{
    [Fact]
    public void FailureBackoff_DoublesPerFailureUpToTheMaximum()
    {
        var delays = Enumerable.Range(1, 6).Select(n => LoopSchedule.FailureBackoff(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), n).TotalMinutes);

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }

    [Fact]
    public void FailureBackoff_MaximumBelowTheInterval_IsNeverShorterThanOneInterval()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), LoopSchedule.FailureBackoff(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), 3));
    }
}

using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi.Tests.Http;

public sealed class RequestPacerTests
{
    [Theory]
    [InlineData(10, 1, 100)]
    [InlineData(0.5, 1, 2000)]
    [InlineData(200, 10, 50)]
    [InlineData(1000, 50, 50)]
    public void BucketFor_Rate_RefillsAtMostOneTwentiethOfItAtATime(double rate, int perRefill, int periodMs)
    {
        var bucket = RequestPacer.BucketFor(rate);

        Assert.Equal((perRefill, perRefill, TimeSpan.FromMilliseconds(periodMs)), (bucket.TokenLimit, bucket.TokensPerPeriod, bucket.ReplenishmentPeriod));
    }

    [Fact]
    public async Task WaitTurn_AfterA429_WaitsUntilItsRetryAfterHasPassed()
    {
        using var pacer = new RequestPacer(null, TimeSpan.FromSeconds(60), TimeProvider.System);
        pacer.Pause(TimeSpan.FromSeconds(1.5));

        var turn = pacer.WaitTurnAsync(CancellationToken.None).AsTask();

        await Task.Delay(300);
        Assert.False(turn.IsCompleted);
        using var lease = await turn.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Pause_LongerThanTheLongestRetryAfter_HoldsNobody()
    {
        using var pacer = new RequestPacer(null, TimeSpan.FromSeconds(60), TimeProvider.System);
        pacer.Pause(TimeSpan.FromMinutes(5)); // such a call fails instead of waiting; the others go on

        using var lease = await pacer.WaitTurnAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lease.IsAcquired);
    }
}

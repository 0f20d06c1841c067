using Reconciler.Service.Http;

namespace Reconciler.Service.Tests.Units;

/// <summary>Requests anyone can send (a bad webhook signature, a wrong sync token) get a few log lines a minute, never one each.</summary>
public sealed class UnauthenticatedLinesTests
{
    [Fact]
    public void TryLog_AFloodOfRequests_LogsTheFirstTenOfTheMinuteOnly()
    {
        using var lines = new UnauthenticatedLines();

        var logged = Enumerable.Range(0, 1_000).Count(_ => lines.TryLog(out _));

        Assert.Equal(UnauthenticatedLines.PerMinute, logged);
    }
}

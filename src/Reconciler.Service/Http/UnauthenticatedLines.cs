using System.Threading.RateLimiting;

namespace Reconciler.Service.Http;

/// <summary>
/// Log lines about requests anyone can send (a webhook without a valid signature, a sync without the token): at most
/// <see cref="PerMinute"/> a minute, each saying how many were not logged since the one before, so a flood of them cannot
/// flood the log. The metrics still count every request.
/// </summary>
public sealed class UnauthenticatedLines : IDisposable
{
    public const int PerMinute = 10;

    private readonly TokenBucketRateLimiter _lines = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = PerMinute,
        TokensPerPeriod = PerMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        AutoReplenishment = true,
        QueueLimit = 0,
    });

    private int _unlogged;

    /// <summary>Whether this request gets its line; <paramref name="unlogged"/> is how many did not since the last one.</summary>
    public bool TryLog(out int unlogged)
    {
        using var line = _lines.AttemptAcquire();
        if (line.IsAcquired)
        {
            unlogged = Interlocked.Exchange(ref _unlogged, 0);
            return true;
        }

        Interlocked.Increment(ref _unlogged);
        unlogged = 0;
        return false;
    }

    public void Dispose() => _lines.Dispose();
}

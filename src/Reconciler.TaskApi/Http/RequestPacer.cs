using System.Threading.RateLimiting;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// One per client container, so one per process: every attempt of every call (PUT, stop, detail, list) waits its turn
/// here. It holds the request-rate limit (<see cref="TaskApiOptions.MaxRequestsPerSecond"/>, a BCL token bucket) and
/// the pause a 429 asks for: a <c>Retry-After</c> that one call got holds back every worker until it has passed, not
/// only the call that got it.
/// </summary>
internal sealed class RequestPacer : IDisposable
{
    /// <summary>A 429 without <c>Retry-After</c> pauses everyone this long (our choice: the platform does not say).</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    private readonly TokenBucketRateLimiter? _limiter;
    private readonly TimeProvider _time;
    private readonly TimeSpan _longestPause;
    private long _pausedUntilTicks;

    public RequestPacer(double? maxRequestsPerSecond, TimeSpan longestPause, TimeProvider time)
    {
        _time = time;
        _longestPause = longestPause;
        _limiter = maxRequestsPerSecond is { } rate ? new TokenBucketRateLimiter(BucketFor(rate)) : null;
    }

    /// <summary>
    /// The bucket for <paramref name="rate"/> requests a second: refilled every 50 ms (or every request's share of a
    /// second, when that is longer) and holding no more than one refill, so any one-second window sees at most
    /// N plus one refill (5 %) and an idle limiter does not let a whole second's burst through at once.
    /// </summary>
    public static TokenBucketRateLimiterOptions BucketFor(double rate)
    {
        var perRefill = Math.Max(1, (int)Math.Floor(rate / 20));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perRefill,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perRefill / rate),
            QueueLimit = int.MaxValue, // workers wait their turn; none is turned away
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    /// <summary>Waits out a pause, then for a token. The lease is the permission to send one attempt.</summary>
    public async ValueTask<RateLimitLease> WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(cancellationToken);
            var lease = _limiter is null ? Granted.Lease : await _limiter.AcquireAsync(1, cancellationToken);
            if (PauseLeft() <= TimeSpan.Zero)
            {
                return lease;
            }

            lease.Dispose(); // a 429 arrived while this one queued: wait again
        }
    }

    /// <summary>A 429 was answered: hold every worker until its Retry-After has passed (at most the longest wait the client would retry after).</summary>
    public void Pause(TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? DefaultPause;
        if (wait <= TimeSpan.Zero || wait > _longestPause)
        {
            return; // a longer wait fails the call instead (TransientFailures); holding every worker that long would stall the run
        }

        var until = (_time.GetUtcNow() + wait).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _pausedUntilTicks)) < until
            && Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen)
        {
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private TimeSpan PauseLeft() => new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        for (var left = PauseLeft(); left > TimeSpan.Zero; left = PauseLeft())
        {
            await Task.Delay(left, _time, cancellationToken);
        }
    }

    /// <summary>The lease handed out when no rate is set.</summary>
    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

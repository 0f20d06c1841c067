using System.Threading.RateLimiting;

namespace Reconciler.Service.Http;

/// <summary>
/// Bounds webhook deliveries in count and in time, so that nothing an unauthenticated client sends can keep a signed
/// delivery from GitHub out:
/// <list type="bullet">
/// <item>two lanes: deliveries that present a well-formed signature, and those that do not (which can never match and
/// are read only so that their client is not reset mid-send); each lane has its own readers and waiting places, so
/// unsigned deliveries never take a signed one's turn;</item>
/// <item>at most <see cref="PerSource"/> deliveries at once per lane from one address, so one client cannot hold a lane;</item>
/// <item>a deadline (<see cref="ReadDeadline"/>) for waiting and reading each body: a client trickling bytes is cut off
/// (GitHub itself gives up after 10 s).</item>
/// </list>
/// Beyond these, a delivery gets 503 at once. Behind a reverse proxy every delivery comes from the proxy's address:
/// then <see cref="PerSource"/> bounds all of them together.
/// </summary>
public sealed class WebhookGate : IDisposable
{
    public const int Readers = 4;
    public const int Waiting = 64;
    public const int UnsignedReaders = 2;
    public const int UnsignedWaiting = 8;
    public const int PerSource = 2;

    private readonly ConcurrencyLimiter _signed = Lane(Readers, Waiting);
    private readonly ConcurrencyLimiter _unsigned = Lane(UnsignedReaders, UnsignedWaiting);
    private readonly PartitionedRateLimiter<string> _sources = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions { PermitLimit = PerSource, QueueLimit = 0 }));

    private int _reading;
    private int _peakReading;

    /// <summary>How long one delivery may wait for its turn, and then how long reading its body may take.</summary>
    public TimeSpan ReadDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most bodies ever read at the same time (never above <see cref="Readers"/> + <see cref="UnsignedReaders"/>).</summary>
    public int PeakReading => Volatile.Read(ref _peakReading);

    /// <summary>A turn to read one body, or null when this source or this lane has no room left.</summary>
    /// <param name="source">The client's address.</param>
    /// <param name="signed">Whether the delivery presents a well-formed signature header.</param>
    public async Task<IDisposable?> EnterAsync(string source, bool signed, CancellationToken cancellationToken)
    {
        var fromSource = _sources.AttemptAcquire((signed ? "signed " : "unsigned ") + source);
        if (!fromSource.IsAcquired)
        {
            fromSource.Dispose();
            return null;
        }

        RateLimitLease turn;
        try
        {
            turn = await (signed ? _signed : _unsigned).AcquireAsync(1, cancellationToken);
        }
        catch
        {
            fromSource.Dispose();
            throw;
        }

        if (!turn.IsAcquired)
        {
            turn.Dispose();
            fromSource.Dispose();
            return null;
        }

        var reading = Interlocked.Increment(ref _reading);
        for (var peak = PeakReading; reading > peak && Interlocked.CompareExchange(ref _peakReading, reading, peak) != peak; peak = PeakReading)
        {
        }

        return new Turn(this, turn, fromSource);
    }

    public void Dispose()
    {
        _signed.Dispose();
        _unsigned.Dispose();
        _sources.Dispose();
    }

    private static ConcurrencyLimiter Lane(int readers, int waiting) =>
        new(new ConcurrencyLimiterOptions { PermitLimit = readers, QueueLimit = waiting, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });

    private sealed class Turn(WebhookGate gate, RateLimitLease turn, RateLimitLease fromSource) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._reading);
                turn.Dispose();
                fromSource.Dispose();
            }
        }
    }
}

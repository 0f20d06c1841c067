namespace Reconciler.Service.Http;

/// <summary>
/// Bounds the memory of webhook deliveries by count, not by time: at most <see cref="Readers"/> bodies are read
/// at once, at most <see cref="Waiting"/> more wait for a turn (each holding only the server's request buffer),
/// and any beyond that get 503 at once. A waiting delivery waits until a turn comes or its client gives up
/// (GitHub gives up after 10 s and shows the failed delivery, which can be redelivered).
/// </summary>
public sealed class WebhookGate : IDisposable
{
    public const int Readers = 4;
    public const int Waiting = 64;

    private readonly SemaphoreSlim _turns = new(Readers, Readers);
    private int _queued;
    private int _reading;
    private int _peakReading;

    /// <summary>The most bodies ever read at the same time (never above <see cref="Readers"/>).</summary>
    public int PeakReading => Volatile.Read(ref _peakReading);

    /// <summary>A turn to read one body, or null when too many deliveries are already waiting.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _queued) > Readers + Waiting)
        {
            Interlocked.Decrement(ref _queued);
            return null;
        }

        try
        {
            await _turns.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _queued);
            throw;
        }

        var reading = Interlocked.Increment(ref _reading);
        for (var peak = PeakReading; reading > peak && Interlocked.CompareExchange(ref _peakReading, reading, peak) != peak; peak = PeakReading)
        {
        }

        return new Turn(this);
    }

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(WebhookGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._reading);
                Interlocked.Decrement(ref gate._queued);
                gate._turns.Release();
            }
        }
    }
}

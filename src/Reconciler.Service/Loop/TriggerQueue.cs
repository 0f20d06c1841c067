using System.Threading.Channels;

namespace Reconciler.Service;

/// <summary>
/// Requests for an immediate poll (webhooks). Holds at most one: a burst of pushes while a run is busy becomes
/// one more poll, never a queue of them (no reconcile storms).
/// </summary>
public sealed class TriggerQueue
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private int _requested;

    /// <summary>Total requests received, including ones merged into a pending request.</summary>
    public int Requested => Volatile.Read(ref _requested);

    public void Request(string reason)
    {
        Interlocked.Increment(ref _requested);
        _channel.Writer.TryWrite(reason);
    }

    public bool TryTake(out string? reason) => _channel.Reader.TryRead(out reason);

    public Task WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
}

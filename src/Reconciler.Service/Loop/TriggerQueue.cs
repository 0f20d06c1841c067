using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Loop;

/// <summary>
/// Requests for a pass now (webhooks, <c>POST /sync</c>, a new leadership term). Requests made while the loop is busy
/// are merged into one pending <see cref="TriggerSet"/> (a burst of pushes becomes one poll, never a queue of them),
/// and nothing is ever dropped: a sync queued behind a webhook still gets its pass. Each sync request gets a ticket;
/// the pass that takes it reports the newest ticket it answers, so <c>reconciler sync --wait</c> knows its run.
/// </summary>
public sealed class TriggerQueue : IDisposable
{
    private readonly Lock _gate = new();
    private TriggerSet _pending;
    private long _syncTickets;
    private long _pendingTicket;
    private int _requested;
    private TaskCompletionSource _signal = NewSignal();
    private CancellationTokenSource _fetchRequested = new();

    /// <summary>Total requests received, including ones merged into a pending request.</summary>
    public int Requested => Volatile.Read(ref _requested);

    /// <summary>Asks for a pass; returns the sync ticket for <see cref="RunTrigger.Sync"/> (0 for the others).</summary>
    public long Request(RunTrigger trigger)
    {
        CancellationTokenSource? yielding = null;
        long ticket;
        lock (_gate)
        {
            _requested++;
            _pending = _pending.With(trigger);
            if (trigger == RunTrigger.Sync)
            {
                _pendingTicket = ++_syncTickets;
            }

            _signal.TrySetResult();
            ticket = trigger == RunTrigger.Sync ? _pendingTicket : 0;
            yielding = _pending.Fetches ? _fetchRequested : null;
        }

        // Outside the lock: cancelling runs the pass's callbacks (abandoning its reads in flight).
        yielding?.Cancel();
        return ticket;
    }

    /// <summary>
    /// A token cancelled as soon as a pass that fetches is requested (a push, a sync, a takeover), at once if one is
    /// pending: a long refresh slice watches it to give its pass back, so a push is not held behind thousands of reads.
    /// </summary>
    public CancellationToken FetchRequested()
    {
        lock (_gate)
        {
            if (_fetchRequested.IsCancellationRequested)
            {
                // Not disposed: a pass that finished may still hold the old token; a source without a timer holds nothing to release.
                _fetchRequested = new CancellationTokenSource();
            }

            if (_pending.Fetches)
            {
                _fetchRequested.Cancel();
            }

            return _fetchRequested.Token;
        }
    }

    /// <summary>Takes everything requested so far, merged, and the newest sync ticket among it (0: none).</summary>
    public (TriggerSet Triggers, long SyncTicket) Take()
    {
        lock (_gate)
        {
            var taken = (_pending, _pendingTicket);
            _pending = TriggerSet.None;
            _pendingTicket = 0;
            if (_signal.Task.IsCompleted)
            {
                _signal = NewSignal();
            }

            return taken;
        }
    }

    /// <summary>Completes when a request is pending (at once if one already is).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _signal.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _fetchRequested.Dispose();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

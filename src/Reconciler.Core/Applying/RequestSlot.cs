namespace Reconciler.Core.Applying;

/// <summary>
/// One task's places in the applier: first in the look-ahead (its intent may be recorded while the requests before it
/// are in flight), then in flight (its requests are sent). Taking the in-flight slot leaves the look-ahead, so the next
/// task can record its intent; the slot is freed as soon as the task's last answer is in, so the next request goes out
/// while this answer is recorded. Used by one task's own flow only.
/// </summary>
internal sealed class RequestSlot(SemaphoreSlim inFlight, SemaphoreSlim lookAhead) : IDisposable
{
    private bool _lookingAhead = true;
    private bool _inFlight;

    /// <summary>Waits for a request slot (once; later calls return at once).</summary>
    public async Task TakeAsync()
    {
        if (!_inFlight)
        {
            await inFlight.WaitAsync(CancellationToken.None);
            _inFlight = true;
            LeaveLookAhead();
        }
    }

    /// <summary>The task's last request is answered: the next task's request may go out.</summary>
    public void RequestsDone()
    {
        if (_inFlight)
        {
            _inFlight = false;
            inFlight.Release();
        }
    }

    public void Dispose()
    {
        RequestsDone();
        LeaveLookAhead();
    }

    private void LeaveLookAhead()
    {
        if (_lookingAhead)
        {
            _lookingAhead = false;
            lookAhead.Release();
        }
    }
}

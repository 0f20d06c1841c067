namespace TaskApi.Simulator;

/// <summary>
/// Lets waiters sleep until the next state change instead of polling: each change completes the current
/// task and replaces it with a fresh one.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Pulse"/>. Take it before checking a condition, so a change in between is not missed.</summary>
    public Task Next
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public void Pulse()
    {
        TaskCompletionSource completed;
        lock (_gate)
        {
            completed = _next;
            _next = NewSource();
        }

        completed.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// What the tasks of one apply share: the revision, whether new requests may still start (not cancelled, the
/// state still writable) and the first state failure, which ends the apply for every task not yet sent.
/// </summary>
internal sealed class ApplyRun(string? revision, CancellationToken stopStarting)
{
    private string? _stateError;

    public string? Revision => revision;

    public string? StateError => Volatile.Read(ref _stateError);

    public bool MayStart => !stopStarting.IsCancellationRequested && StateError is null;

    public string NotStartedReason => StateError is { } error
        ? $"not started: the state store cannot be written ({error}); nothing is sent that cannot be recorded"
        : "not started: apply was cancelled";

    /// <summary>Runs a state write; on failure remembers it (the first one wins) and returns false.</summary>
    public async Task<bool> GuardAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (StateStoreException e)
        {
            Interlocked.CompareExchange(ref _stateError, e.Message, null);
            return false;
        }
    }
}

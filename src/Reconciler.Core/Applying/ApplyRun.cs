using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// What the tasks of one apply share: the revision, whether new requests may still start (not cancelled, the
/// state still writable) and the first state failure, which ends the apply for every task not yet sent.
/// </summary>
internal sealed class ApplyRun(string? revision, PlatformGate gate, CancellationToken stopStarting)
{
    private string? _stateError;

    public string? Revision => revision;

    public string? StateError => Volatile.Read(ref _stateError);

    public bool MayStart => !stopStarting.IsCancellationRequested && StateError is null;

    /// <summary>The platform failure that stops requests for this account in this run (fail fast), if any.</summary>
    public PlatformFailure? Blocking(Manifests.TaskIdentity identity) => gate.Blocking(identity.UserId);

    public string NotStartedReason => StateError is { } error
        ? $"{ApplyMessages.NotStartedStateFailed}{error}{ApplyMessages.NotStartedStateFailedEnd}"
        : ApplyMessages.NotStartedCancelled;

    /// <summary>Runs a state write; returns null when it succeeded, else its error, which the run remembers (the first one wins).</summary>
    public async Task<string?> TryWriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (StateStoreException e)
        {
            Interlocked.CompareExchange(ref _stateError, e.Message, null);
            return e.Message;
        }
    }
}

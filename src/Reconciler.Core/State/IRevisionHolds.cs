namespace Reconciler.Core.State;

/// <summary>
/// The revision the service holds back (<see cref="RevisionHold"/>), kept in the state store beside the records: at most one
/// hold is open at a time. Every failure is a <see cref="StateStoreException"/>. Holds are history: released, never deleted.
/// </summary>
public interface IRevisionHolds
{
    /// <summary>Records <paramref name="hold"/> as the open hold (an earlier open one is released by it, in the same transaction); returns it with its id.</summary>
    Task<RevisionHold> HoldAsync(RevisionHold hold, CancellationToken cancellationToken);

    /// <summary>The open hold, or null.</summary>
    Task<RevisionHold?> ReadHoldAsync(CancellationToken cancellationToken);

    /// <summary>Releases the open hold (if any), saying why; returns the hold released, or null when none was open.</summary>
    Task<RevisionHold?> ReleaseHoldAsync(DateTimeOffset at, string reason, CancellationToken cancellationToken);
}

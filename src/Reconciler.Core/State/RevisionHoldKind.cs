namespace Reconciler.Core.State;

/// <summary>Why the service holds a revision back (<see cref="RevisionHold"/>).</summary>
public enum RevisionHoldKind
{
    /// <summary>A staged rollout of the revision halted: a batch went wrong, the rest was never sent.</summary>
    Halted,

    /// <summary>The revision was rolled back (<c>reconciler rollback</c>): it is not applied again while the branch stays there.</summary>
    RolledBack,
}

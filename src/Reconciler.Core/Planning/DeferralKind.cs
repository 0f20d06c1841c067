namespace Reconciler.Core.Planning;

/// <summary>Why a change stays in the plan but is not sent now.</summary>
public enum DeferralKind
{
    /// <summary>The task is running and may not be stopped: the platform would answer 6007.</summary>
    Running,

    /// <summary>The same body failed before; its per-task backoff has not passed (or it was rejected and is unchanged).</summary>
    HeldBack,

    /// <summary>No sync window is open: planned and reported, applied when a window opens.</summary>
    OutsideWindow,

    /// <summary>The live task drifted from the manifest; it is reported, not corrected (self-heal is off).</summary>
    DriftReported,

    /// <summary>Drifted and re-applied too often within an hour: someone keeps changing it on the platform; held back.</summary>
    Fighting,

    /// <summary>
    /// An unmanage kept while some file could not be read or holds an invalid document: the manifest that seems gone may
    /// be in it (Flux skips pruning when the build fails). Forgotten only once every file was read and is valid.
    /// </summary>
    SourceIncomplete,

    /// <summary>
    /// An earlier request for the task with another body may still land (unanswered, its deadline not passed: a killed
    /// apply, a leader that lost its term): sending now could be overwritten by it, so the change waits for the deadline.
    /// </summary>
    InFlight,

    /// <summary>The platform did not answer the task's detail read within its deadline: skipped for this pass, tried again on the next.</summary>
    SlowAnswer,

    /// <summary>
    /// The service holds this revision back (<see cref="State.RevisionHold"/>): its staged rollout halted, or it was rolled
    /// back. Nothing of it is sent until a new revision or <c>reconciler sync --resume</c>; the change stays planned.
    /// </summary>
    RevisionHeld,

    /// <summary>The repository's policy forbids sending it now (a plan-level limit is exceeded, or an owner has not approved): see docs/policies.md.</summary>
    PolicyBlocked,
}

namespace Reconciler.Core.Tasks;

/// <summary>
/// Where one task stands after a run: the one vocabulary of <c>/status</c>, the status page, <c>reconciler status</c>,
/// <c>reconciler sync</c>, notifications and metrics. Derived by <see cref="TaskStandings"/> (the one rule) and spelled
/// by <see cref="TaskStateWords"/> (the one word table).
/// </summary>
public enum TaskState
{
    /// <summary>The manifest equals what was last applied: nothing to send.</summary>
    InSync,

    /// <summary>Sent in this run and accepted (code 200).</summary>
    Applied,

    /// <summary>The task is running and the platform refuses updates (6007); retried on its backoff.</summary>
    Blocked,

    /// <summary>A transient failure still failing after retries; retried on its backoff.</summary>
    Failed,

    /// <summary>The platform refused this body (any other code); only a change to the manifest (or an explicit apply) sends it again.</summary>
    Rejected,

    /// <summary>The platform refused the account's token (401/403); retried on its backoff.</summary>
    Unauthorized,

    /// <summary>Not sent: the service was stopping.</summary>
    Cancelled,

    /// <summary>Failed, blocked or unauthorized before, waiting for its retry time (which exists).</summary>
    HeldBack,

    /// <summary>An earlier request for the task with another body may still land: the change is sent once its deadline has passed (<c>retry_at</c>).</summary>
    InFlight,

    /// <summary>The platform did not answer the task's detail read in time: skipped for this pass, tried again on its retry time.</summary>
    SlowAnswer,

    /// <summary>The repository's policy holds the change back (a plan-level limit, or an owner's missing approval): nothing is sent.</summary>
    PolicyBlocked,

    /// <summary>Planned while no sync window is open: sent when one opens.</summary>
    PendingWindow,

    /// <summary>A change that was neither sent nor deferred: the run stopped before it (a state failure).</summary>
    Pending,

    /// <summary>Changed on the platform since it was applied; reported, not corrected (self-heal is off).</summary>
    Drifted,

    /// <summary>Drifted and re-applied too often within an hour: someone keeps changing it; held back.</summary>
    Fighting,

    /// <summary><c>metadata.suspend: true</c>: never sent.</summary>
    Suspended,

    /// <summary>The manifest is invalid: nothing is sent.</summary>
    Invalid,

    /// <summary>The manifest was removed: the record is forgotten, the platform's task is left alone.</summary>
    Unmanaged,
}

namespace Reconciler.Service.Notifications;

/// <summary>What changed for a task between two runs, worth telling a person.</summary>
public enum TaskEventKind
{
    /// <summary>The task is running and the platform refuses updates (6007); retried later.</summary>
    Blocked,

    /// <summary>Failed after retries, rejected by the platform, or the token was refused.</summary>
    Failed,

    /// <summary>The last request got no definitive answer: the platform may or may not hold it.</summary>
    InDoubt,

    /// <summary>The service stopped the running task to update it and it stays stopped (no resume endpoint).</summary>
    LeftStopped,

    /// <summary>
    /// The platform accepted the update but the read-back (Verify) found other values; recovered once the task is
    /// applied again and reads back as sent.
    /// </summary>
    Unverified,

    /// <summary>
    /// Not one task's: a staged rollout halted (a batch over HaltOnRejected or HaltOnFailed); nothing more of the revision is
    /// sent until a new revision or <c>reconciler sync --resume</c>. The event's task line carries the numbers.
    /// </summary>
    RolloutHalted,

    /// <summary>The repository's policy holds the change back: an owned task changed without its owners' approval, or a limit exceeded.</summary>
    PolicyBlocked,

    /// <summary>A task that had one of the problems above is in sync (or applied) again.</summary>
    Recovered,
}

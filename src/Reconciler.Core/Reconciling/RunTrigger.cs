namespace Reconciler.Core.Reconciling;

/// <summary>
/// What started a run, as the state store records it and <c>/status</c>, <c>/metrics</c> and the log show it.
/// Spelled only by <see cref="RunTriggerWords"/>.
/// </summary>
public enum RunTrigger
{
    /// <summary>An explicit <c>reconciler apply</c>.</summary>
    Cli,

    /// <summary>The poll timer found the watched branch moved.</summary>
    Poll,

    /// <summary>A GitHub push (or pull-request) webhook asked for an immediate poll, and the branch had moved.</summary>
    Webhook,

    /// <summary><c>POST /sync</c> (<c>reconciler sync</c>): fetch and re-plan now, even when the branch did not move.</summary>
    Sync,

    /// <summary>This replica began a leadership term: re-read the shared history and reconcile at once.</summary>
    Takeover,

    /// <summary>The resync timer: re-plan the last fetched revision (and read the live tasks, with refresh on).</summary>
    Resync,

    /// <summary>A task's per-task retry time came.</summary>
    Retry,

    /// <summary>The sync window opened with changes waiting for it.</summary>
    Window,

    /// <summary>The refresh trickle: re-plan the last fetched revision and read the next slice of live tasks.</summary>
    Refresh,

    /// <summary>A rollback (<c>POST /rollback</c>, <c>reconciler rollback --service</c>): an earlier revision's manifests applied now.</summary>
    Rollback,
}

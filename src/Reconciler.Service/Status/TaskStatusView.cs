namespace Reconciler.Service.Status;

/// <summary>One task in <c>/status</c>.</summary>
/// <param name="Action">The plan action of the last run: update, adopt, unchanged, unmanage, invalid, suspended.</param>
/// <param name="State">
/// Where the task stands: <c>in_sync</c>, <c>applied</c>, <c>blocked</c>, <c>failed</c>, <c>rejected</c>,
/// <c>unauthorized</c>, <c>cancelled</c>, <c>held_back</c> (waiting for its retry), <c>pending_window</c>
/// (outside the sync window), <c>pending</c> (the run stopped before it), <c>drifted</c> (changed on the platform,
/// reported only), <c>fighting</c> (drifted again and again: held back), <c>suspended</c>, <c>invalid</c>, <c>unmanaged</c>.
/// </param>
/// <param name="RetryAt">When a held-back task is next tried (null for rejected: only a manifest change retries it).</param>
public sealed record TaskStatusView(
    string? UserId,
    string? TaskId,
    string? Name,
    string? File,
    string Action,
    string State,
    int? ApiCode,
    string? Message,
    int Failures,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? RetryAt,
    IReadOnlyList<string> Errors)
{
    /// <summary>The task's last attempt got no definitive answer: this run re-sent it (or will).</summary>
    public bool InDoubt { get; init; }

    /// <summary>Fields that differed on the platform when the live task was last read (null: not drifted, or not read).</summary>
    public IReadOnlyList<string>? DriftFields { get; init; }

    /// <summary>The live task differed from the manifest when it was last read.</summary>
    public bool Drifted => DriftFields is not null;

    /// <summary>
    /// This service stopped the running task (task_stop, as <c>stop_before_update</c> allows) before its last update,
    /// and the API has no resume endpoint: someone must start it again. Kept until the task is next sent.
    /// </summary>
    public bool LeftStopped { get; init; }
}

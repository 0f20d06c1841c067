using Reconciler.Core.Planning;

namespace Reconciler.Core.Tasks;

/// <summary>
/// Where one task stands after a run, with the facts a person needs: derived by <see cref="TaskStandings"/>, and the
/// very record every reader gets (the service's <c>/status</c> lists it as written, <c>reconciler status</c> reads it
/// back, notifications and metrics take it), so nothing is copied field by field on the way.
/// </summary>
/// <param name="UserId">Null only for an invalid document whose identity could not be read (so is <paramref name="TaskId"/>).</param>
/// <param name="Action">The plan action of the run.</param>
/// <param name="State">Where the task stands (spelled by <see cref="TaskStateWords"/>).</param>
/// <param name="ApiCode">The platform's code of the task's last attempt, when there was one.</param>
/// <param name="Message">The platform's message of the last attempt that did not apply (or why it is held back).</param>
/// <param name="Failures">Attempts in a row that did not apply.</param>
/// <param name="RetryAt">When a held-back, blocked, failed or unauthorized task is next tried; null for rejected (only a manifest change retries it).</param>
/// <param name="Errors">An invalid manifest's errors, as <c>file:line:column: error: …</c>.</param>
public sealed record TaskStanding(
    string? UserId,
    string? TaskId,
    string? Name,
    string? File,
    PlanAction Action,
    TaskState State,
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
    /// The task was stopped (task_stop, as <c>stop_before_update</c> allows) before its last update, and the API has no
    /// resume endpoint: someone must start it again. The service keeps the flag until the task is next sent.
    /// </summary>
    public bool LeftStopped { get; init; }

    /// <summary>
    /// The fields an accepted update did not read back as sent (Verify: the platform answered success but holds other
    /// values); null when this run did not find that.
    /// </summary>
    public IReadOnlyList<string>? UnverifiedFields { get; init; }

    /// <summary>When the live task was last read (the service's refresh); null: not read since the service started.</summary>
    public DateTimeOffset? LastReadAt { get; init; }
}

namespace TaskApi.Simulator.Faults;

/// <summary>
/// "The next <paramref name="Count"/> matching requests get <paramref name="Kind"/>": deterministic,
/// so tests prefer it to rates. Queued faults are consumed first-in first-out, before any rate applies.
/// </summary>
public sealed record QueuedFault(FaultKind Kind, int Count = 1)
{
    /// <summary>Only requests for this account (null: any).</summary>
    public string? UserId { get; init; }

    /// <summary>Only requests for this task (null: any, including the task list).</summary>
    public string? TaskId { get; init; }

    /// <summary>Only this endpoint (null: any; <see cref="FaultKind.TaskRunning"/> only ever matches updates).</summary>
    public ApiOperation? Operation { get; init; }

    /// <summary>The <c>Retry-After</c> value sent with <see cref="FaultKind.TooManyRequests"/>.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The wait for <see cref="FaultKind.DelayBefore"/>/<see cref="FaultKind.DelayAfter"/>, or the cap of a
    /// <see cref="FaultKind.Timeout"/> (zero: the profile's <see cref="FaultProfile.TimeoutCap"/>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The body field <see cref="FaultKind.IgnoreField"/> leaves as it was: a top-level key or a dotted path (<c>task_extras.start_time</c>).</summary>
    public string? Field { get; init; }

    internal bool Matches(ApiOperation operation, string userId, string? taskId) =>
        (Kind is not (FaultKind.TaskRunning or FaultKind.IgnoreField) || operation == ApiOperation.UpdateTask)
        && (Operation is null || Operation == operation)
        && (UserId is null || string.Equals(UserId, userId, StringComparison.Ordinal))
        && (TaskId is null || string.Equals(TaskId, taskId, StringComparison.Ordinal));
}

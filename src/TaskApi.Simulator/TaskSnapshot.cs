namespace TaskApi.Simulator;

/// <summary>A copy of one simulated task and the requests it has seen since counters were last reset.</summary>
/// <param name="Body">The raw text of the last accepted PUT body, exactly as received (or the initial body).</param>
/// <param name="PutCount">PUT requests addressed to this task, whatever their outcome (faults included).</param>
/// <param name="AppliedCount">PUT requests whose body was stored.</param>
/// <param name="StopCount">task_stop requests addressed to this task.</param>
/// <param name="DetailCount">detail (<c>/edit</c>) requests addressed to this task.</param>
public sealed record TaskSnapshot(
    string UserId,
    string TaskId,
    string? SubUserId,
    TaskFlavour Flavour,
    SimulatedTaskStatus Status,
    string? Body,
    int PutCount,
    int AppliedCount,
    int StopCount,
    int DetailCount,
    DateTimeOffset? UpdatedAt)
{
    public bool Running => Status != SimulatedTaskStatus.Paused;
}

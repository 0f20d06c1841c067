namespace TaskApi.Simulator;

/// <summary>One task's mutable record; only touched under <see cref="SimulatorState"/>'s lock.</summary>
internal sealed class SimulatedTask(TaskDefinition definition)
{
    public string UserId { get; } = definition.UserId;

    public string TaskId { get; } = definition.TaskId;

    public string? SubUserId { get; } = definition.SubUserId;

    public TaskFlavour Flavour { get; } = definition.Flavour;

    public SimulatedTaskStatus Status { get; set; } = definition.Status;

    public string? Body { get; set; } = definition.InitialBody;

    public DateTimeOffset? UpdatedAt { get; set; }

    public int PutCount { get; set; }

    public int AppliedCount { get; set; }

    public int StopCount { get; set; }

    public int DetailCount { get; set; }

    public bool Running => Status != SimulatedTaskStatus.Paused;

    /// <summary>The platform treats a task of a sub-account as unknown unless the request names that sub-account.</summary>
    public bool VisibleTo(string? subUserId) => string.Equals(SubUserId, subUserId, StringComparison.Ordinal);

    public TaskSnapshot Snapshot() => new(
        UserId, TaskId, SubUserId, Flavour, Status, Body, PutCount, AppliedCount, StopCount, DetailCount, UpdatedAt);

    public void Count(ApiOperation operation)
    {
        switch (operation)
        {
            case ApiOperation.UpdateTask:
                PutCount++;
                break;
            case ApiOperation.StopTask:
                StopCount++;
                break;
            case ApiOperation.TaskDetail:
                DetailCount++;
                break;
            case ApiOperation.TaskList:
            default:
                break;
        }
    }

    public void ResetCounters()
    {
        PutCount = 0;
        AppliedCount = 0;
        StopCount = 0;
        DetailCount = 0;
    }
}

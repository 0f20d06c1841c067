namespace TaskApi.Simulator;

/// <summary>A task to create (or replace) in the simulator.</summary>
/// <param name="UserId">The main account that owns the task (path parameter).</param>
/// <param name="TaskId">The task id (path parameter).</param>
public sealed record TaskDefinition(string UserId, string TaskId)
{
    /// <summary>When set, the task belongs to this sub-account and every request must name it.</summary>
    public string? SubUserId { get; init; }

    public TaskFlavour Flavour { get; init; } = TaskFlavour.V2;

    /// <summary>Raw JSON text stored as if a PUT had sent it; null for a task never updated.</summary>
    public string? InitialBody { get; init; }

    public SimulatedTaskStatus Status { get; init; } = SimulatedTaskStatus.Paused;
}

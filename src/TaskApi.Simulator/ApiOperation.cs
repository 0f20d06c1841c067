namespace TaskApi.Simulator;

/// <summary>The platform endpoints the simulator serves (the control surface is not one of them).</summary>
public enum ApiOperation
{
    /// <summary><c>PUT /agent-api/new/user/{user_id}/task/{task_id}</c>.</summary>
    UpdateTask,

    /// <summary><c>PUT /agent-api/new/user/{user_id}/task_stop/{task_id}</c>.</summary>
    StopTask,

    /// <summary><c>GET /agent-api/new/user/{user_id}/task/{task_id}/edit</c>.</summary>
    TaskDetail,

    /// <summary><c>GET /agent-api/new/user/{user_id}/task</c>.</summary>
    TaskList,
}

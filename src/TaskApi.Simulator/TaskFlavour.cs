namespace TaskApi.Simulator;

/// <summary>Which request body a task accepts, fixed when the task is created (新版任务2.0 or 旧版任务2.0).</summary>
public enum TaskFlavour
{
    /// <summary>新版任务2.0: lines as <c>{id, limit}</c>, <c>task_extras.pop_mode</c> required.</summary>
    V2,

    /// <summary>旧版任务2.0: lines as id strings, <c>group_switch_rule</c>, <c>new_call_rules</c>.</summary>
    V2Legacy,
}

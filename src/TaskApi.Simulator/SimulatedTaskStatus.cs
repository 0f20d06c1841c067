namespace TaskApi.Simulator;

/// <summary>A task's run state. Anything but <see cref="Paused"/> makes an update answer 6007.</summary>
public enum SimulatedTaskStatus
{
    /// <summary>已暂停: detail <c>status</c> 1, <c>enable</c> false, <c>call_status</c> false.</summary>
    Paused,

    /// <summary>等待执行: detail <c>status</c> 3, <c>enable</c> true, <c>call_status</c> false.</summary>
    Waiting,

    /// <summary>执行中: detail <c>status</c> 3, <c>enable</c> true, <c>call_status</c> true.</summary>
    Dialling,
}

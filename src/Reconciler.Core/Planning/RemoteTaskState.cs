namespace Reconciler.Core.Planning;

/// <summary>What the platform says about a task right now (from the detail endpoint), when we asked.</summary>
/// <param name="Running">True when the task is dialling or waiting to dial: the document says an update would get 6007.</param>
/// <param name="StatusText">The platform's own words (e.g. <c>等待执行</c>), for display.</param>
/// <param name="Evidence">What was read to decide, for people (e.g. <c>status 3, new_task_extra.enable true, call_status false</c>).</param>
public sealed record RemoteTaskState(bool Running, string? StatusText, string? Evidence = null)
{
    /// <summary>"the task detail reads status 3 (等待执行)": what the running check saw, never a code the platform did not send.</summary>
    public string Reading => "the task detail reads " + (Evidence ?? (Running ? "it as running" : "it as paused")) + (StatusText is { Length: > 0 } text ? $" ({text})" : "");
}

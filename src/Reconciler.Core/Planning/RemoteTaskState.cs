namespace Reconciler.Core.Planning;

/// <summary>What the platform says about a task right now (from the detail endpoint), when we asked.</summary>
/// <param name="Running">True when the task is dialling or waiting to dial: an update would get 6007.</param>
/// <param name="StatusText">The platform's own words (e.g. <c>等待执行</c>), for display.</param>
public sealed record RemoteTaskState(bool Running, string? StatusText);

namespace TaskApi.Simulator.Control;

/// <summary><c>PUT /_simulator/tasks/{user_id}/{task_id}/status</c>: <c>{"status":"waiting"}</c> or <c>{"running":true}</c>.</summary>
internal sealed record StatusRequest(SimulatedTaskStatus? Status = null, bool? Running = null);

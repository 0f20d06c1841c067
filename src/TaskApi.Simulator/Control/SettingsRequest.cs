namespace TaskApi.Simulator.Control;

/// <summary><c>PUT /_simulator/settings</c>.</summary>
internal sealed record SettingsRequest(bool AutoCreateTasks);

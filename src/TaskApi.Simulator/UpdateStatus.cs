namespace TaskApi.Simulator;

/// <summary>How <see cref="SimulatorState"/> handled one update, before it became an HTTP answer.</summary>
internal enum UpdateStatus
{
    NotFound,
    Invalid,
    Running,
    Stored,
}

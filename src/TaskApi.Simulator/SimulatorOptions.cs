using Microsoft.Extensions.Logging;
using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator;

/// <summary>How to start a simulator. Every address must be loopback: the simulator refuses anything else.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Where to listen; port 0 picks a free port. Several addresses may be given separated by <c>;</c>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>A token accepted for every account, registered or not (for demos). Never logged.</summary>
    public string? DefaultToken { get; init; }

    /// <summary>Accept updates for unknown task ids by creating the task (for demos).</summary>
    public bool AutoCreateTasks { get; init; }

    /// <summary>A JSON file of accounts and tasks to load at start (see README.md).</summary>
    public string? SeedFile { get; init; }

    /// <summary>Standing faults at start; tests usually set faults through <see cref="SimulatorState"/> instead.</summary>
    public FaultProfile Faults { get; init; } = FaultProfile.None;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Largest request body accepted (HTTP 413 beyond).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Minimum level of the simulator's own logging; request lines are written at Information.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Adds logging providers (none by default, so tests stay quiet).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>When true the host stops on Ctrl+C/SIGTERM (the standalone program); in-process hosts leave signals alone.</summary>
    public bool HandleShutdownSignals { get; init; }

    /// <summary>Keeps <see cref="DefaultToken"/> out of any printed form.</summary>
    public override string ToString() =>
        $"SimulatorOptions {{ Urls = {Urls}, DefaultToken = {(DefaultToken is null ? "none" : "[redacted]")}, " +
        $"AutoCreateTasks = {AutoCreateTasks}, SeedFile = {SeedFile ?? "none"} }}";
}

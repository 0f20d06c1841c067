using Microsoft.Extensions.Logging;
using Reconciler.TaskApi;

namespace Reconciler.Service;

/// <summary>
/// What differs between production and a test of the same host: the clock, the random source of the jitter,
/// where environment variables come from, extra log sinks, and signal handling.
/// </summary>
public sealed record ServiceHostOverrides
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Jitter source; production draws a random seed, tests give a fixed one.</summary>
    public Random? Random { get; init; }

    /// <summary>Reads environment variables (API tokens, git token); the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Adds log providers (tests capture lines to scan them for secrets).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Write logs to the console (stdout). Tests turn it off.</summary>
    public bool WriteConsole { get; init; } = true;

    /// <summary>Stop on SIGTERM/Ctrl-C (and report to systemd). In-process tests leave the test runner's signals alone.</summary>
    public bool HandleSignals { get; init; } = true;

    /// <summary>Adjusts the task API client (tests shorten its retry delays).</summary>
    public Action<TaskApiOptions>? ConfigureTaskApi { get; init; }

    /// <summary>Retries, timeouts and queue of task notifications (tests shorten them).</summary>
    public Notifications.NotifyOptions Notify { get; init; } = new();
}

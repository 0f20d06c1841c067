using System.Net;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Policies;

namespace Reconciler.Service.Configuration;

/// <summary>
/// Everything <c>reconciler run</c> was configured with, after merging defaults, the config file, the
/// environment and the flags (in that order; later wins). Holds no secret, so it may be logged.
/// </summary>
public sealed record ServiceOptions
{
    public required string Repo { get; init; }

    /// <summary>Start even when the repository cannot be read yet; otherwise the first fetch happens at start and its failure stops the service.</summary>
    public bool WaitForRepo { get; init; }

    public string Branch { get; init; } = "main";

    public string Path { get; init; } = "";

    /// <summary>Full path of the SQLite state file, or the PostgreSQL URL / connection string as given (never with a password).</summary>
    public required string StatePath { get; init; }

    /// <summary>Bind a state recorded against another endpoint to <see cref="ApiUrl"/>, forgetting its records.</summary>
    public bool RebindState { get; init; }

    /// <summary>Full path of the folder holding the bare clone.</summary>
    public required string CacheDirectory { get; init; }

    public required Uri ApiUrl { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of <see cref="Interval"/> added at random to each poll delay.</summary>
    public double Jitter { get; init; } = 0.1;

    public TimeSpan Resync { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(10);

    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8080);

    public int Parallelism { get; init; } = 4;

    /// <summary>Most requests a second to the platform, the whole process together (null: no limit).</summary>
    public double? MaxRps { get; init; }

    /// <summary>Read every accepted update back and compare it with what was sent.</summary>
    public bool Verify { get; init; }

    /// <summary>A staged rollout of each pass's updates (Batch, Canary, BatchPause, HaltOn…); null: everything at once.</summary>
    public Core.Applying.Rollout.RolloutOptions? Rollout { get; init; }

    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(25);

    public bool RunningCheck { get; init; } = true;

    /// <summary>Read the live tasks on the resync timer to find drift.</summary>
    public bool Refresh { get; init; } = true;

    /// <summary>Re-apply drifted tasks (else report only).</summary>
    public bool SelfHeal { get; init; }

    /// <summary>Drift re-applies per task and hour before the task is held back as fighting.</summary>
    public int SelfHealLimit { get; init; } = 3;

    /// <summary>Null: applying is allowed at any time.</summary>
    public SyncSchedule? SyncWindows { get; init; }

    public ServiceLogFormat LogFormat { get; init; } = ServiceLogFormat.Text;

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary><c>OWNER/NAME</c> whose open pull requests get plan comments; null: off.</summary>
    public string? GitHubRepo { get; init; }

    public Uri? GitHubApiUrl { get; init; }

    /// <summary>The repository's web address or link template for the status page (<see cref="Http.RepoWebUrl"/>); null: plain paths.</summary>
    public string? RepoWebUrl { get; init; }

    /// <summary>Where task notifications go. Their URLs hold robot keys: never printed whole (see <see cref="Notifications.NotifyTarget.Display"/>).</summary>
    public IReadOnlyList<Notifications.NotifyTarget> Notify { get; init; } = [];

    // A repository URL may carry credentials (https://user:token@host/…): never print them.
    public override string ToString() =>
        $"ServiceOptions {{ Repo = {System.Text.RegularExpressions.Regex.Replace(Repo, "://[^/@]*@", "://***@")}, Branch = {Branch}, Path = {Path}, " +
        $"State = {State.StateStoreLocator.Resolve(StatePath, "/").Display}, ApiUrl = {ApiUrl}, Interval = {Interval}, Resync = {Resync}, Listen = {Listen}, SyncWindows = {SyncWindows?.ToString() ?? "(always)"} }}";
}

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.Policies;
using Reconciler.TaskApi;

namespace Reconciler.Service.Configuration;

/// <summary>
/// Turns the merged configuration into <see cref="ServiceOptions"/>, checking every value. A bad value is
/// reported with all three names it can be set by, so the user finds it wherever they wrote it.
/// </summary>
public static class ServiceOptionsReader
{
    /// <param name="workingDirectory">Relative paths (state, cache, a local repository) are taken from here.</param>
    /// <exception cref="ServiceSetupException">A value is missing or invalid.</exception>
    public static ServiceOptions Read(IConfiguration configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ServiceSetting.Section);
        string? Get(ServiceSetting setting) => section[setting.Key] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

        var repo = Get(ServiceSettings.Repo) ?? throw Problem(ServiceSettings.Repo, "required: the repository to watch");
        var location = State.StateStoreLocator.Resolve(Get(ServiceSettings.State) ?? ".reconciler/state.db", workingDirectory);
        var state = location.Spec;
        var cache = Get(ServiceSettings.CacheDir) is { } dir ? Path.GetFullPath(dir, workingDirectory)
            : Path.Combine(location.IsPostgres ? Path.GetFullPath(".reconciler", workingDirectory) : Path.GetDirectoryName(state)!, "git-cache");
        var interval = Duration(Get(ServiceSettings.Interval), ServiceSettings.Interval, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        var retryBase = Duration(Get(ServiceSettings.RetryBase), ServiceSettings.RetryBase, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));
        var retryMax = Duration(Get(ServiceSettings.RetryMax), ServiceSettings.RetryMax, TimeSpan.FromMinutes(10), retryBase);
        var zone = Get(ServiceSettings.TimeZone) ?? "UTC";
        TimeZoneInfo timeZone;
        SyncSchedule? windows = null;
        try
        {
            timeZone = SyncSchedule.FindZone(zone);
            if (Get(ServiceSettings.SyncWindow) is { } text)
            {
                windows = SyncSchedule.Parse(text, timeZone);
            }
        }
        catch (FormatException e)
        {
            throw Problem(Get(ServiceSettings.SyncWindow) is null ? ServiceSettings.TimeZone : ServiceSettings.SyncWindow, e.Message);
        }

        return new ServiceOptions
        {
            Repo = LooksLikeLocalPath(repo) ? Path.GetFullPath(repo, workingDirectory) : repo,
            WaitForRepo = Boolean(Get(ServiceSettings.WaitForRepo), ServiceSettings.WaitForRepo, false),
            Branch = Get(ServiceSettings.Branch) ?? "main",
            Path = Get(ServiceSettings.Path) ?? "",
            StatePath = state,
            RebindState = Boolean(Get(ServiceSettings.RebindState), ServiceSettings.RebindState, false),
            CacheDirectory = cache,
            ApiUrl = ApiUrl(Get(ServiceSettings.ApiUrl) ?? TaskApiOptions.DefaultBaseAddress),
            Interval = interval,
            Jitter = Number(Get(ServiceSettings.Jitter), ServiceSettings.Jitter, 0.1, 0, 1),
            Resync = Duration(Get(ServiceSettings.Resync), ServiceSettings.Resync, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100)),
            RetryBase = retryBase,
            RetryMax = retryMax,
            Listen = Endpoint(Get(ServiceSettings.Listen) ?? "127.0.0.1:8080"),
            Parallelism = (int)Number(Get(ServiceSettings.Parallelism), ServiceSettings.Parallelism, 4, 1, 256, integer: true),
            MaxRps = Get(ServiceSettings.MaxRps) is { } rps ? Number(rps, ServiceSettings.MaxRps, 0, TaskApiOptions.LowestRate, TaskApiOptions.HighestRate) : null,
            Verify = Boolean(Get(ServiceSettings.Verify), ServiceSettings.Verify, false),
            Rollout = Rollout(Get),
            GracePeriod = Duration(Get(ServiceSettings.GracePeriod), ServiceSettings.GracePeriod, TimeSpan.FromSeconds(25), TimeSpan.Zero),
            RunningCheck = Boolean(Get(ServiceSettings.RunningCheck), ServiceSettings.RunningCheck, true),
            Refresh = Boolean(Get(ServiceSettings.Refresh), ServiceSettings.Refresh, true),
            SelfHeal = Boolean(Get(ServiceSettings.SelfHeal), ServiceSettings.SelfHeal, false),
            SelfHealLimit = (int)Number(Get(ServiceSettings.SelfHealLimit), ServiceSettings.SelfHealLimit, 3, 1, 1000, integer: true),
            SyncWindows = windows,
            LogFormat = Get(ServiceSettings.LogFormat)?.ToLowerInvariant() switch
            {
                null or "text" => ServiceLogFormat.Text,
                "json" => ServiceLogFormat.Json,
                var other => throw Problem(ServiceSettings.LogFormat, $"'{other}' is not a log format: use text or json"),
            },
            LogLevel = Get(ServiceSettings.LogLevel) is { } level
                ? Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw Problem(ServiceSettings.LogLevel, $"'{level}' is not a log level: use Trace, Debug, Information, Warning or Error")
                : LogLevel.Information,
            GitHubRepo = Get(ServiceSettings.GitHubRepo) is { } github
                ? github.Count(c => c == '/') == 1 && !github.StartsWith('/') && !github.EndsWith('/') ? github : throw Problem(ServiceSettings.GitHubRepo, $"'{github}' is not OWNER/NAME")
                : null,
            GitHubApiUrl = Get(ServiceSettings.GitHubApiUrl) is { } githubUrl
                ? Uri.TryCreate(githubUrl, UriKind.Absolute, out var uri) ? uri : throw Problem(ServiceSettings.GitHubApiUrl, $"'{githubUrl}' is not an absolute URL")
                : null,
            RepoWebUrl = Get(ServiceSettings.RepoWebUrl) is { } web
                ? Http.RepoWebUrl.Problem(web) is { } webProblem ? throw Problem(ServiceSettings.RepoWebUrl, webProblem) : web
                : null,
            Notify = List(section, ServiceSettings.Notify).Select(url => Notifications.NotifyTarget.TryParse(url, out var target, out var why)
                ? target
                : throw Problem(ServiceSettings.Notify, why)).ToList(),
        };
    }

    /// <summary>Batch, Canary, BatchPause and the HaltOn… thresholds, as <c>apply</c>'s flags read them; null without Batch and Canary.</summary>
    private static RolloutOptions? Rollout(Func<ServiceSetting, string?> get)
    {
        BatchSize? Size(ServiceSetting setting) => get(setting) is { } text
            ? BatchSize.TryParse(text) ?? throw Problem(setting, $"'{text}' is not a batch size: a whole number of tasks (25) or a percentage (10%)")
            : null;

        var (batch, canary) = (Size(ServiceSettings.Batch), Size(ServiceSettings.Canary));
        ServiceSetting[] needing = [ServiceSettings.BatchPause, ServiceSettings.HaltOnRejected, ServiceSettings.HaltOnFailed];
        if (batch is null && canary is null)
        {
            return needing.FirstOrDefault(s => get(s) is not null) is { } alone ? throw Problem(alone, "needs Batch or Canary (a staged rollout)") : null;
        }

        return new RolloutOptions(
            batch ?? new BatchSize(100, IsPercent: true),
            canary,
            Duration(get(ServiceSettings.BatchPause), ServiceSettings.BatchPause, TimeSpan.Zero, TimeSpan.Zero),
            Number(get(ServiceSettings.HaltOnRejected), ServiceSettings.HaltOnRejected, RolloutOptions.DefaultHaltPercent, 0, 100),
            Number(get(ServiceSettings.HaltOnFailed), ServiceSettings.HaltOnFailed, RolloutOptions.DefaultHaltPercent, 0, 100));
    }

    /// <summary>A repeatable setting: an array in the file, or one value holding several separated by spaces or commas.</summary>
    private static List<string> List(IConfigurationSection section, ServiceSetting setting)
    {
        // A plain value comes from the variable or the flags (or a string in the file) and wins over an array in the file.
        var entry = section.GetSection(setting.Key);
        var values = entry.Value is { } single ? [single] : entry.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    private static bool LooksLikeLocalPath(string repo) => !repo.Contains("://", StringComparison.Ordinal);

    private static Uri ApiUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw Problem(ServiceSettings.ApiUrl, $"'{text}' is not an absolute URL");
        }

        return TaskApiBaseAddress.Problem(uri) is { } problem ? throw Problem(ServiceSettings.ApiUrl, problem) : uri;
    }

    private static IPEndPoint Endpoint(string text)
    {
        var candidate = text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1:" + text["localhost:".Length..] : text;
        return IPEndPoint.TryParse(candidate, out var endpoint) && candidate.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw Problem(ServiceSettings.Listen, $"'{text}' is not ADDRESS:PORT (e.g. 127.0.0.1:8080, [::1]:8080, 0.0.0.0:8080)");
    }

    private static TimeSpan Duration(string? text, ServiceSetting setting, TimeSpan fallback, TimeSpan minimum)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!DurationText.TryParse(text, out var value))
        {
            throw Problem(setting, $"'{text}' is not a duration: write e.g. 500ms, 30s, 5m, 1h or 00:05:00");
        }

        return value >= minimum ? value : throw Problem(setting, $"{text} is too short: at least {DurationText.Format(minimum)}");
    }

    private static double Number(string? text, ServiceSetting setting, double fallback, double minimum, double maximum, bool integer = false)
    {
        if (text is null)
        {
            return fallback;
        }

        var style = integer ? NumberStyles.Integer : NumberStyles.Float;
        if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw Problem(setting, $"'{text}' must be {(integer ? "a whole number" : "a number")} from {minimum} to {maximum}");
        }

        return value;
    }

    private static bool Boolean(string? text, ServiceSetting setting, bool fallback) => text?.ToLowerInvariant() switch
    {
        null => fallback,
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => throw Problem(setting, $"'{text}' is not true or false"),
    };

    private static ServiceSetupException Problem(ServiceSetting setting, string message) =>
        new($"{setting.Key} ({setting.Flag} / {setting.EnvironmentVariable} / {setting.ConfigurationKey}): {message}");
}

using System.CommandLine;
using Reconciler.Service;
using Reconciler.Service.Configuration;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler run</c>: the long-running service. Every setting is also a config-file key and an
/// environment variable (<see cref="ServiceSettings"/>); secrets come from the environment only.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("run", """
            Run as a service that keeps the platform equal to a branch: poll the repository (and accept GitHub
            push webhooks), plan each new revision against the state, apply the changes, and retry blocked or
            failed tasks with per-task exponential backoff. Serves /healthz, /readyz, /metrics, /status and
            POST /hooks/github. Stops cleanly on SIGTERM or Ctrl-C: no new PUT starts, PUTs in flight finish
            within the grace period and are recorded.

            Every option is also a key of the --config JSON file (section "Reconciler") and an environment
            variable (RECONCILER_<OPTION>, e.g. RECONCILER_INTERVAL); flags win over the environment, which wins
            over the file. Secrets only from the environment: RECONCILER_API_TOKEN[__<USER_ID>] (or the _FILE
            variants), RECONCILER_GIT_TOKEN, RECONCILER_WEBHOOK_SECRET, GITHUB_TOKEN. See docs/service.md.

            Examples:
              reconciler run --repo https://github.com/acme/call-tasks.git --path tasks
              reconciler run --config /etc/reconciler/config.json
              reconciler run --repo /srv/git/tasks.git --sync-window 22:00-07:00 --time-zone Asia/Shanghai
            """);
        var settings = ServiceSettings.All.Select(s => (Setting: s, Option: OptionOf(s))).ToList();
        var config = new Option<string?>("--config") { HelpName = "FILE", Description = $"JSON configuration file (section \"Reconciler\"). Env: {ServiceSettings.ConfigFileVariable}." };
        foreach (var (_, option) in settings)
        {
            command.Options.Add(option);
        }

        command.Options.Add(config);
        command.SetAction(async (result, cancellationToken) =>
        {
            // A repeated flag becomes one value of several, separated by spaces, as the environment variable holds them.
            var flags = settings.ToDictionary(s => s.Setting.Key, s => s.Option switch
            {
                Option<string[]> many => result.GetValue(many) is { Length: > 0 } values ? string.Join(' ', values) : null,
                Option<bool?> flag => result.GetValue(flag) is { } on ? (on ? "true" : "false") : null,
                var one => result.GetValue((Option<string?>)one),
            });
            var file = result.GetValue(config) ?? console.Environment(ServiceSettings.ConfigFileVariable);
            var configuration = ServiceConfiguration.Build(flags, file is null ? null : console.ResolvePath(file), console.Environment);
            var options = ServiceOptionsReader.Read(configuration, console.WorkingDirectory);
            Apply.ApiTokenCheck.Require(console, "run");
            return await RunAsync(options, ServiceSecrets.FromEnvironment(console.Environment), new ServiceHostOverrides { Environment = console.Environment, ConfigureTaskApi = Apply.ApiTuning.Read(console.Environment) }, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// A setting's flag: repeatable (a list), a switch (<c>--self-heal</c> alone is true; <c>--self-heal=false</c> and
    /// <c>--self-heal false</c> work too, as on every command), or one value.
    /// </summary>
    private static Option OptionOf(ServiceSetting setting) => setting switch
    {
        { Repeatable: true } => new Option<string[]>(setting.Flag) { Description = $"{setting.Description} Env: {setting.EnvironmentVariable}.", HelpName = "URL" },
        { Switch: true } => new Option<bool?>(setting.Flag) { Description = $"{setting.Description} Default: {setting.Default}. Env: {setting.EnvironmentVariable}." },
        _ => new Option<string?>(setting.Flag) { Description = $"{setting.Description} Default: {setting.Default}. Env: {setting.EnvironmentVariable}.", HelpName = setting.Flag[2..].ToUpperInvariant() },
    };

    /// <summary>Runs until SIGTERM, Ctrl-C or <paramref name="cancellationToken"/>; 0 after a clean stop.</summary>
    public static async Task<int> RunAsync(ServiceOptions options, ServiceSecrets secrets, ServiceHostOverrides overrides, CancellationToken cancellationToken)
    {
        using var guard = ShutdownGuard.Install(options.GracePeriod + TimeSpan.FromSeconds(20));
        var exitCode = ExitCodes.Error;
        try
        {
            await using var app = await ServiceHost.CreateAsync(options, secrets, overrides, CancellationToken.None);
            await app.StartAsync(CancellationToken.None);
            await using var stop = cancellationToken.Register(app.StopApplication);
            await app.WaitForShutdownAsync();

            // The host also stops when the loop dies of an unexpected error: that is a failure, not a clean stop.
            exitCode = app.LoopFailed ? ExitCodes.Error : ExitCodes.Success;
        }
        finally
        {
            guard.Stopped(exitCode);
        }

        return exitCode;
    }
}

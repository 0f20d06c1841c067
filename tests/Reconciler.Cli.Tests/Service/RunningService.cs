using Reconciler.Core.Manifests;
using Reconciler.Service;
using Reconciler.Service.Configuration;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Service;

/// <summary>
/// A real service (the same host as <c>reconciler run</c>) on 127.0.0.1:0, watching a local git remote and applying
/// to the simulator, for the commands that talk to a running service (<c>status</c>, <c>sync</c>).
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    public const string SyncToken = "sync-token-5f0c1d2e3a4b5c6d";

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(90));
    private readonly TestDirectory _directory = new("cli-service");
    private ServiceApp? _app;

    private RunningService(SimulatorFixture simulator) => Simulator = simulator;

    public SimulatorFixture Simulator { get; }

    public TestGitRemote Remote { get; } = new();

    public ServiceApp App => _app!;

    public Uri Address => App.BaseAddress;

    public CancellationToken Token => _deadline.Token;

    public List<TaskIdentity> Tasks { get; } = [];

    /// <param name="platform">Prepares the simulator before the first run (e.g. a line residue that refuses the tasks).</param>
    public static async Task<RunningService> StartAsync(int tasks, int running, string name = "外呼任务", Action<global::TaskApi.Simulator.SimulatorState>? platform = null)
    {
        var service = new RunningService(await SimulatorFixture.StartAsync());
        platform?.Invoke(service.Simulator.State);
        var account = service.Simulator.CreateAccount();
        for (var i = 0; i < tasks + running; i++)
        {
            var task = service.Simulator.CreateTask(account, running: i >= tasks);
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(task, $"{name}-{i}"));
            service.Tasks.Add(task);
        }

        service.Remote.CommitAndPush("tasks");
        var environment = new Dictionary<string, string?> { ["RECONCILER_API_TOKEN"] = account.Token, [ServiceSettings.SyncTokenVariable] = SyncToken };
        var flags = new Dictionary<string, string?>
        {
            ["Repo"] = service.Remote.Url,
            ["State"] = service._directory.Combine("state.db"),
            ["ApiUrl"] = service.Simulator.BaseAddress.ToString(),
            ["Listen"] = "127.0.0.1:0",
            ["Interval"] = "1h",
            ["Resync"] = "1h",
        };
        var options = ServiceOptionsReader.Read(ServiceConfiguration.Build(flags, null, environment.GetValueOrDefault), service._directory.Path);
        service._app = await ServiceHost.CreateAsync(options, ServiceSecrets.FromEnvironment(environment.GetValueOrDefault), new ServiceHostOverrides
        {
            Environment = environment.GetValueOrDefault,
            WriteConsole = false,
            HandleSignals = false,
            ConfigureTaskApi = api => api.MaxRetryAttempts = 0,
        }, service.Token);
        await service._app.StartAsync(service.Token);
        await service._app.Status.WaitForRunsAsync(1, service.Token);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await ((IAsyncDisposable)Simulator).DisposeAsync();
        Remote.Dispose();
        _directory.Dispose();
        _deadline.Dispose();
    }
}

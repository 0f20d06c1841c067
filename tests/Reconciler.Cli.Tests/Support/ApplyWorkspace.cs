using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.State;
using Reconciler.Testing.Simulator;
using Reconciler.Testing.State;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// One test's world: a temp working directory with <c>manifests/tasks/*.yaml</c> and <c>state/state.db</c>, an
/// account of its own in the (shared) simulator, and the environment the CLI gets (the token, short retry delays).
/// </summary>
internal sealed class ApplyWorkspace : IDisposable
{
    public const string ManifestDir = "manifests";
    public const string StateFile = "state/state.db";

    private readonly TestDirectory _directory = new();

    public ApplyWorkspace(SimulatorFixture simulator)
    {
        Simulator = simulator;
        Account = simulator.CreateAccount();
        Environment = new Dictionary<string, string>
        {
            ["RECONCILER_API_TOKEN"] = Account.Token,
            // Retried faults wait milliseconds instead of the 1 s default backoff.
            ["RECONCILER_API_RETRY_BASE_DELAY_MS"] = "10",
        };
    }

    public SimulatorFixture Simulator { get; }

    public SimulatorAccount Account { get; }

    public Dictionary<string, string> Environment { get; }

    public string Path => _directory.Path;

    public string StatePath => _directory.Combine(StateFile);

    /// <summary>Creates the task in the simulator and writes its manifest (a valid 新版 body unless given).</summary>
    public TaskIdentity AddTask(string file, string? specJson = null, bool running = false, TaskFlavour flavour = TaskFlavour.V2, string metadata = "")
    {
        var identity = Simulator.CreateTask(Account, flavour, running: running);
        WriteManifest(file, identity, specJson ?? SampleBodies.V2(name: $"任务-{System.IO.Path.GetFileNameWithoutExtension(file)}"), flavour == TaskFlavour.V2 ? ApiFlavours.V2ApiVersion : ApiFlavours.V2LegacyApiVersion, metadata);
        return identity;
    }

    public void WriteManifest(string file, TaskIdentity identity, string specJson, string apiVersion = ApiFlavours.V2ApiVersion, string metadata = "") =>
        _directory.Write($"{ManifestDir}/tasks/{file}", TaskYaml.Manifest(identity, specJson, apiVersion, metadata));

    public void WriteFile(string relative, string content) => _directory.Write(relative, content);

    public void DeleteManifest(string file) => File.Delete(_directory.Combine($"{ManifestDir}/tasks/{file}"));

    /// <summary><c>reconciler apply manifests --api-url SIM --state state/state.db --auto-approve</c> plus <paramref name="extra"/>.</summary>
    public Task<CliResult> ApplyAsync(params string[] extra) =>
        InProcessCli.RunAsync(Path, Environment, ["apply", ManifestDir, "--api-url", Simulator.BaseAddress.ToString(), "--state", StateFile, "--auto-approve", .. extra]);

    public Task<CliResult> RunAsync(string[] args, string? stdin = null, bool terminal = false) =>
        InProcessCli.RunAsync(Path, Environment, args, stdin, terminal);

    /// <summary>What the core makes of the manifests now: the canonical body is what must reach the platform.</summary>
    public TaskManifest Desired(TaskIdentity identity)
    {
        var desired = new ManifestPipeline().Evaluate(new DirectorySource(_directory.Combine(ManifestDir)).Read());
        return desired.Tasks.Single(t => t.Identity == identity);
    }

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> StateAsync() => StateSeeder.LoadAsync(StatePath);

    public async Task<IReadOnlyList<ApplyAttempt>> AttemptsAsync()
    {
        await using var store = await SqliteStateStore.OpenAsync(StatePath);
        return await store.ReadAttemptsAsync(1000, CancellationToken.None);
    }

    public TaskSnapshot Task(TaskIdentity identity) => Simulator.Task(identity);

    /// <summary>PUTs the simulator received for these tasks since they were created (faults included).</summary>
    public int Puts(params TaskIdentity[] identities) => identities.Sum(i => Simulator.Task(i).PutCount);

    public void Dispose() => _directory.Dispose();
}

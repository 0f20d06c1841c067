using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Git;
using Reconciler.Testing.Postgres;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Processes.Replicas;

/// <summary>
/// Real <c>reconciler run</c> processes sharing one PostgreSQL schema, against the simulator and a bare git remote.
/// Each replica authenticates with its own client token, so the simulator's request log says which replica sent
/// every request. Fast settings (1 s poll, no jitter, parallelism 1) keep every test short and bounded.
/// </summary>
internal sealed class ReplicaCluster : IAsyncDisposable
{
    /// <summary>The replicas' <c>--interval 1s</c> (in <see cref="Start"/>): how often each one polls; a follower also reads the shared state then.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Dictionary<string, (ReconcilerProcess Process, int Port)> _replicas = [];

    private ReplicaCluster(SimulatorFixture simulator, TestPostgresSchema schema)
    {
        Simulator = simulator;
        Schema = schema;
        Account = simulator.CreateAccount();
    }

    public SimulatorFixture Simulator { get; }

    public TestPostgresSchema Schema { get; }

    public SimulatorAccount Account { get; }

    public TestGitRemote Remote { get; } = new();

    public TestDirectory Directory { get; } = new("replicas");

    public List<TaskIdentity> Tasks { get; } = [];

    public static async Task<ReplicaCluster> StartAsync() =>
        new(await SimulatorFixture.StartAsync(), await PostgresTestServer.CreateSchemaAsync());

    /// <summary>Commits <paramref name="count"/> tasks (created on the simulator) to the watched branch.</summary>
    public void CommitTasks(int count, string version = "v1")
    {
        while (Tasks.Count < count)
        {
            Tasks.Add(Simulator.CreateTask(Account));
        }

        for (var i = 0; i < count; i++)
        {
            Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(Tasks[i], $"任务-{i}-{version}"));
        }

        Remote.CommitAndPush($"{count} tasks, {version}");
    }

    /// <summary>Commits task <paramref name="task"/> renamed on <paramref name="branch"/> (a pull request's head), pushes it, and returns to main.</summary>
    public string PushBranch(string branch, int task, string name)
    {
        if (Remote.WorkingRepository.Branches[branch] is null)
        {
            Remote.CreateBranch(branch);
        }
        else
        {
            Remote.Checkout(branch);
        }

        Remote.Write(ServiceManifests.Path(task), ServiceManifests.Valid(Tasks[task], name));
        var head = Remote.CommitAndPush($"rename on {branch}");
        Remote.Checkout("main");
        return head;
    }

    /// <summary>Starts replica <paramref name="name"/> with the cluster's settings, plus <paramref name="environment"/> and <paramref name="extra"/> arguments.</summary>
    public void Start(string name, IReadOnlyDictionary<string, string>? environment = null, params string[] extra) => Start(name, 1, environment, extra);

    /// <summary>Starts replica <paramref name="name"/> sending up to <paramref name="parallelism"/> PUTs at once.</summary>
    public void Start(string name, int parallelism, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var token = Simulator.CreateClientToken(Account, name);
        var port = LoopbackPorts.Free();
        var workingDirectory = Directory.Combine(name);
        System.IO.Directory.CreateDirectory(workingDirectory);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["RECONCILER_API_TOKEN"] = token };
        var process = ReconcilerProcess.Start(
            workingDirectory,
            variables,
            [
                "run", "--repo", Remote.Url, "--state", Schema.Url, "--api-url", Simulator.BaseAddress.ToString(), "--listen", $"127.0.0.1:{port}",
                "--interval", "1s", "--jitter", "0", "--resync", "10m", "--retry-base", "1s", "--running-check", "false", "--parallelism", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--grace-period", "2s", "--log-format", "json", .. extra,
            ]);
        _replicas[name] = (process, port);
    }

    public ReconcilerProcess Process(string name) => _replicas[name].Process;

    /// <summary>Where replica <paramref name="name"/> answers (its <c>--listen</c>).</summary>
    public Uri Address(string name) => new($"http://127.0.0.1:{_replicas[name].Port}/");

    /// <summary>The update PUTs in arrival order, each with the replica that sent it.</summary>
    public IReadOnlyList<RequestLogEntry> Puts() =>
        Simulator.State.GetRequestLog().Where(r => r.Operation == ApiOperation.UpdateTask).OrderBy(r => r.Sequence).ToList();

    /// <summary>The replica's /status, or null while it does not answer.</summary>
    public async Task<JsonElement?> StatusAsync(string name)
    {
        try
        {
            using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{_replicas[name].Port}/status")));
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task<string?> RoleAsync(string name) =>
        await StatusAsync(name) is { } status && status.TryGetProperty("replica", out var replica) && replica.ValueKind == JsonValueKind.Object
            ? replica.GetProperty("role").GetString()
            : null;

    public async Task<string> MetricsAsync(string name) =>
        await Http.GetStringAsync(new Uri($"http://127.0.0.1:{_replicas[name].Port}/metrics"));

    /// <summary>Polls (bounded) until the condition holds; fails with <paramref name="what"/> after the limit.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            try
            {
                await Task.Delay(100, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"not reached within {seconds} s: {what}");
            }
        }
    }

    /// <summary>A replica's session waits on the apply lock (an advisory lock request not granted yet).</summary>
    public async Task<bool> SomeoneWaitsForTheLockAsync() => await WaitingForTheLockAsync() > 0;

    /// <summary>How many replicas' sessions wait on the apply lock now.</summary>
    public async Task<long> WaitingForTheLockAsync() =>
        Convert.ToInt64(await Schema.ScalarAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND objid = hashtext(current_schema())::oid;"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every task's last-applied body in the shared state holds the version's name, and none is in doubt.</summary>
    public async Task<bool> ConvergedAsync(string version) =>
        await Schema.ScalarAsync("SELECT to_regclass('intents') IS NOT NULL;") is true
        && Convert.ToInt64(await Schema.ScalarAsync($"SELECT count(*) FROM tasks WHERE body LIKE '%-{version}\"%';"), System.Globalization.CultureInfo.InvariantCulture) == Tasks.Count
        && Convert.ToInt64(await Schema.ScalarAsync("SELECT count(*) FROM intents WHERE settled_at IS NULL AND operation = 'update' AND id > coalesce((SELECT max(a.id) FROM intents a WHERE a.user_id = intents.user_id AND a.task_id = intents.task_id AND a.outcome = 'applied'), 0);"), System.Globalization.CultureInfo.InvariantCulture) == 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in _replicas.Values)
        {
            process.Dispose();
        }

        await Schema.DisposeAsync();
        await ((IAsyncDisposable)Simulator).DisposeAsync();
        Remote.Dispose();
        Directory.Dispose();
    }
}

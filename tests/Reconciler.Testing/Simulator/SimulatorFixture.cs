using System.Security.Cryptography;
using Reconciler.Core.Manifests;
using TaskApi.Simulator;
using Xunit;

namespace Reconciler.Testing.Simulator;

/// <summary>
/// A task API simulator on 127.0.0.1 (free port) for a test class (<c>IClassFixture&lt;SimulatorFixture&gt;</c>)
/// or a single test (<c>await using var sim = await SimulatorFixture.StartAsync()</c>). Accounts and tasks get
/// random ids, so tests sharing one simulator do not see each other's tasks; queued faults should name the task.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Upper bound for any wait on the simulator, so a broken test fails instead of hanging.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private SimulatorServer? _server;

    public SimulatorServer Server => _server ?? throw new InvalidOperationException("the simulator has not been started");

    public SimulatorState State => Server.State;

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>Starts a private simulator (for tests that set standing faults or options).</summary>
    public static async Task<SimulatorFixture> StartAsync(SimulatorOptions? options = null)
    {
        var fixture = new SimulatorFixture();
        fixture._server = await SimulatorServer.StartAsync(options).WaitAsync(WaitLimit);
        return fixture;
    }

    /// <summary>Registers an account with a fresh random token (and a random UUID user id unless given).</summary>
    public SimulatorAccount CreateAccount(string? userId = null)
    {
        var account = new SimulatorAccount(userId ?? Guid.NewGuid().ToString(), "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)));
        State.RegisterAccount(account.UserId, account.Token);
        return account;
    }

    /// <summary>A further token for the account whose requests are logged with <paramref name="client"/> (one per replica in a test).</summary>
    public string CreateClientToken(SimulatorAccount account, string client)
    {
        ArgumentNullException.ThrowIfNull(account);
        var token = "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        State.RegisterClientToken(account.UserId, token, client);
        return token;
    }

    /// <summary>Creates a task for the account; paused unless <paramref name="running"/>.</summary>
    public TaskIdentity CreateTask(
        SimulatorAccount account,
        TaskFlavour flavour = TaskFlavour.V2,
        string? initialBody = null,
        bool running = false,
        string? subUserId = null,
        string? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new TaskIdentity(account.UserId, taskId ?? Guid.NewGuid().ToString());
        State.CreateTask(new TaskDefinition(identity.UserId, identity.TaskId)
        {
            Flavour = flavour,
            InitialBody = initialBody,
            SubUserId = subUserId,
            Status = running ? SimulatedTaskStatus.Dialling : SimulatedTaskStatus.Paused,
        });
        return identity;
    }

    /// <summary>
    /// Sends a few detail reads and updates of a throwaway task of <paramref name="account"/>, several at once, so the
    /// simulator's endpoints are compiled before a test measures when requests arrive (the first ones otherwise wait
    /// for the JIT together and arrive in a bunch, which says nothing about the client).
    /// </summary>
    public async Task WarmUpAsync(SimulatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var task = CreateTask(account);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", account.Token);
        var path = $"agent-api/new/user/{task.UserId}/task/{task.TaskId}";
        await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var read = await http.GetAsync(new Uri(path + "/edit", UriKind.Relative));
            using var body = new StringContent(SampleBodies.V2(), System.Text.Encoding.UTF8, "application/json");
            using var update = await http.PutAsync(new Uri(path, UriKind.Relative), body);
        }));
    }

    /// <summary>Changes the task as a supervisor would in the platform's web console (a JSON merge patch of its body; no API call).</summary>
    public TaskSnapshot EditAsConsole(TaskIdentity identity, string patchJson)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return State.EditAsConsole(identity.UserId, identity.TaskId, (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(patchJson)!);
    }

    /// <summary>The task as the simulator has it now.</summary>
    public TaskSnapshot Task(TaskIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return State.GetTask(identity.UserId, identity.TaskId) ?? throw new InvalidOperationException($"no task {identity}");
    }

    /// <summary>Waits (without polling) until the condition holds; fails after <see cref="WaitLimit"/>.</summary>
    public async Task WaitUntilAsync(Func<SimulatorState, bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        try
        {
            await State.WaitUntilAsync(condition, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"the simulator did not reach the expected state within {WaitLimit.TotalSeconds} s");
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeCoreAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => DisposeCoreAsync();

    private async Task StartCoreAsync() => _server = await SimulatorServer.StartAsync().WaitAsync(WaitLimit);

    private async ValueTask DisposeCoreAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

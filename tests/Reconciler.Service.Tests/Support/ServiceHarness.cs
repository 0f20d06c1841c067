using Reconciler.Testing.Logging;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Service;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Service.Tests.Support;

/// <summary>
/// A service started as in production (the same configuration path and host builder as <c>reconciler run</c>)
/// against a real bare git remote, the simulator and a temporary state file, on 127.0.0.1:0, with a fake clock
/// the test advances. Every wait is bounded by <see cref="Deadline"/>.
/// </summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>12:00 UTC is 20:00 in Asia/Shanghai: outside a 22:00-07:00 window.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    /// <summary>Interval plus the largest jitter (10 %): one poll is certainly due after this much time.</summary>
    public static readonly TimeSpan OnePoll = Interval * 1.1;

    public const string WebhookSecret = "whsec-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly CancellationTokenSource _deadline = new(Deadline);
    private readonly Dictionary<string, string?> _environment;

    private ServiceHarness(SimulatorFixture simulator)
    {
        Simulator = simulator;
        Account = simulator.CreateAccount();
        _environment = new Dictionary<string, string?>
        {
            ["RECONCILER_API_TOKEN"] = Account.Token,
            [ServiceSettings.WebhookSecretVariable] = WebhookSecret,
        };
    }

    public TestGitRemote Remote { get; } = new();

    public SimulatorFixture Simulator { get; }

    public SimulatorAccount Account { get; }

    public TestDirectory Directory { get; } = new("service");

    public FakeTimeProvider Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    public ServiceApp App => _app ?? throw new InvalidOperationException("start the service first");

    public HttpClient Http { get; private set; } = null!;

    public CancellationToken Token => _deadline.Token;

    public string StatePath => Directory.Combine("state", "state.db");

    private ServiceApp? _app;

    public static async Task<ServiceHarness> CreateAsync() => new(await SimulatorFixture.StartAsync());

    /// <summary>Adds an environment variable the service will see (GITHUB_TOKEN, …).</summary>
    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    /// <summary>Creates <paramref name="count"/> paused tasks in the simulator and writes (not commits) a manifest for each.</summary>
    public IReadOnlyList<TaskIdentity> AddTasks(int count, bool running = false)
    {
        var tasks = new List<TaskIdentity>();
        for (var i = 0; i < count; i++)
        {
            var task = Simulator.CreateTask(Account, running: running);
            Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(task, $"外呼任务-{i}"));
            tasks.Add(task);
        }

        return tasks;
    }

    /// <summary>Stops the running service (as SIGTERM would) and starts a new one with the same settings, clock and state.</summary>
    public async Task RestartAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        await StartAsync(_settings);
    }

    private IReadOnlyDictionary<string, string?>? _settings;

    /// <summary>Starts the service with the test defaults plus <paramref name="settings"/> (setting key → value, as flags).</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings;
        var flags = new Dictionary<string, string?>
        {
            [ServiceSettings.Repo.Key] = Remote.Url,
            [ServiceSettings.State.Key] = StatePath,
            [ServiceSettings.ApiUrl.Key] = Simulator.BaseAddress.ToString(),
            [ServiceSettings.Listen.Key] = "127.0.0.1:0",
            [ServiceSettings.Interval.Key] = "60s",
            [ServiceSettings.Jitter.Key] = "0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            flags[key] = value;
        }

        string? Environment(string name) => _environment.GetValueOrDefault(name);
        var options = ServiceOptionsReader.Read(ServiceConfiguration.Build(flags, null, Environment), Directory.Path);
        _app = await ServiceHost.CreateAsync(options, ServiceSecrets.FromEnvironment(Environment), Overrides(), Token);
        await _app.StartAsync(Token);
        Http = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Retries, timeouts and queue of notifications: short by default, so a failing receiver is tried within the test.</summary>
    public Notifications.NotifyOptions NotifyOptions { get; set; } = new() { BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) };

    /// <summary>The overrides of every in-process service: fake clock, fixed jitter seed, captured logs, fast API retries.</summary>
    public ServiceHostOverrides Overrides() => new()
    {
        Clock = Clock,
        Random = new Random(7),
        Environment = name => _environment.GetValueOrDefault(name),
        ConfigureLogging = logging => logging.AddProvider(Logs),
        WriteConsole = false,
        HandleSignals = false,
        ConfigureTaskApi = api =>
        {
            api.MaxRetryAttempts = 0;
            api.AttemptTimeout = TimeSpan.FromSeconds(10);
            api.TotalTimeout = TimeSpan.FromSeconds(20);
        },
        Notify = NotifyOptions,
    };

    /// <summary>Waits for <paramref name="count"/> runs and the end of the pass that made the last one, so a clock moved next counts from the schedule that pass left.</summary>
    public Task WaitForRunsAsync(int count) => App.Status.WaitForSettledRunsAsync(count, Token);

    public Task WaitForPassesAsync(int count) => App.Status.WaitForPassesAsync(count, Token);

    /// <summary>Moves the fake clock; whatever the loop had scheduled up to then becomes due.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves the clock and waits for the run that makes, and the end of its pass.</summary>
    public async Task AdvanceToRunAsync(TimeSpan by)
    {
        var runs = App.Status.Runs;
        Advance(by);
        await WaitForRunsAsync(runs + 1);
    }

    /// <summary>PUTs of task updates the simulator received (every outcome), optionally for one task.</summary>
    public int Puts(TaskIdentity? task = null) => Simulator.State.GetRequestLog()
        .Count(r => r.Operation == ApiOperation.UpdateTask && (task is null || r.TaskId == task.TaskId));

    public async Task<JsonElement> StatusAsync() => await Http.GetFromJsonAsync<JsonElement>("status", Token);

    public static JsonElement TaskStatus(JsonElement status, TaskIdentity task) =>
        status.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task_id").GetString() == task.TaskId);

    /// <summary>Posts a GitHub webhook; signs it with <paramref name="secret"/> unless null (no signature header).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string gitHubEvent, string body, string? secret = WebhookSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "hooks/github") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-GitHub-Event", gitHubEvent);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(bytes, Encoding.UTF8.GetBytes(secret)));
        }

        return await Http.SendAsync(request, Token);
    }

    public static string PushBody(string branch = "main") => $$"""{"ref":"refs/heads/{{branch}}","after":"0000000000000000000000000000000000000000"}""";

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await ((IAsyncDisposable)Simulator).DisposeAsync();
        Remote.Dispose();
        Directory.Dispose();
        _deadline.Dispose();
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// The service on a full state, as a real <c>reconciler run</c> process under a file-size limit (no mount needed,
/// and a per-process limit would hit the test host in-process): it keeps failing closed, run after backed-off run,
/// sends at most one PUT per task per run and only after recording its intent, answers /readyz 503, and once
/// restarted with room it converges.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ServiceStateFullProcessTests(ITestOutputHelper output)
{
    private const int TaskCount = 4;

    /// <summary>Failed runs to wait for: the first, then two backoff steps.</summary>
    private const int FailedRuns = 3;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [FileSizeLimitFact]
    public async Task RunProcess_StateFileCannotGrow_AtMostOnePutPerTaskPerRunNotReadyThenConverges()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        var account = simulator.CreateAccount();
        using var remote = new TestGitRemote();
        using var directory = new TestDirectory("service-full");
        var statePath = directory.Combine("state", "state.db");
        var tasks = Enumerable.Range(0, TaskCount).Select(_ => simulator.CreateTask(account)).ToList();
        Commit(remote, tasks, "first");
        var environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = account.Token };

        // A normal start records every task, then the state's volume fills up (32 KiB: see StateFailureProcessTests).
        await RunUntilAsync(directory, environment, [], statePath, remote, simulator, async port => await RunsAsync(port, "success") > 0 && tasks.All(t => Body(simulator, t).Contains("first", StringComparison.Ordinal)));
        Commit(remote, tasks, "after-full");
        var before = tasks.ToDictionary(t => t, t => simulator.Task(t).PutCount);
        var limited = new Dictionary<string, string>(environment);
        FileSizeLimit.PrepareRuntime(limited);
        var full = await RunUntilAsync(directory, limited, FileSizeLimit.Wrapper(32), statePath, remote, simulator, async port =>
        {
            if (await RunsAsync(port, "error") < FailedRuns)
            {
                return false;
            }

            // Still failing closed after the backoff steps: not ready, and the error says what SQLite said.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyzAsync(port));
            using var status = JsonDocument.Parse(await GetAsync(port, "status"));
            Assert.Matches("^state store failed, nothing (more )?was sent: state store '.*state\\.db': could not .*SQLite Error (10: 'disk I/O error'|13: 'database or disk is full')", status.RootElement.GetProperty("state_error").GetString());
            Assert.Contains("reconciler_state_usable 0", await GetAsync(port, "metrics"), StringComparison.Ordinal);
            return true;
        });

        var failedRuns = FailedRunLog().Count(full.Out);
        var sent = tasks.ToDictionary(t => t, t => simulator.Task(t).PutCount - before[t]);
        output.WriteLine($"{failedRuns} failed runs logged; PUTs per task while full: {string.Join(", ", sent.Values)}");
        Assert.True(failedRuns >= FailedRuns, full.ToString());
        Assert.All(tasks, t => Assert.True(sent[t] <= failedRuns, $"{sent[t]} PUTs of task {t} in {failedRuns} runs"));
        Assert.True(sent.Values.Sum() < TaskCount * failedRuns, full.ToString());

        // Every PUT was written down first: its task is recorded as applied with the new body, or in doubt.
        var (applied, inDoubt) = await ReadStateAsync(statePath, tasks);
        Assert.Equal(tasks.Where(t => sent[t] > 0).Order(), applied.Concat(inDoubt).Order());

        await RunUntilAsync(directory, environment, [], statePath, remote, simulator, async port => await RunsAsync(port, "success") > 0 && await ReadyAsync(port) && tasks.All(t => Body(simulator, t).Contains("after-full", StringComparison.Ordinal)));
        Assert.All(tasks, t => Assert.Equal(before[t] + sent[t] + (applied.Contains(t) ? 0 : 1), simulator.Task(t).PutCount));
    }

    private static void Commit(TestGitRemote remote, List<TaskIdentity> tasks, string version)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(tasks[i], $"task-{i}-{version}"));
        }

        remote.CommitAndPush(version);
    }

    /// <summary>Starts the service, waits (bounded) until <paramref name="done"/> holds, stops it with SIGTERM and returns what it printed.</summary>
    private async Task<CliResult> RunUntilAsync(TestDirectory directory, Dictionary<string, string> environment, IReadOnlyList<string> wrapper, string statePath, TestGitRemote remote, SimulatorFixture simulator, Func<int, Task<bool>> done)
    {
        var port = LoopbackPorts.Free();
        using var process = ReconcilerProcess.Start(directory.Path, environment, wrapper,
            ["run", "--repo", remote.Url, "--state", statePath, "--api-url", simulator.BaseAddress.ToString(), "--listen", $"127.0.0.1:{port}",
             "--interval", "500ms", "--jitter", "0", "--retry-base", "500ms", "--retry-max", "2s", "--running-check", "false", "--log-format", "json"]);
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            while (!await done(port))
            {
                await Task.Delay(100, limit.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            process.Kill();
            Assert.Fail($"the service did not reach the expected state within {Limit.TotalSeconds} s:\n{await process.WaitAsync()}");
        }

        process.Terminate();
        var result = await process.WaitAsync();
        output.WriteLine(string.Join('\n', result.Out.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal))));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<bool> ReadyAsync(int port) => await ReadyzAsync(port) == HttpStatusCode.OK;

    private static async Task<HttpStatusCode?> ReadyzAsync(int port)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    /// <summary>reconciler_runs_total with this result (success, error), summed over triggers; 0 while the service does not answer.</summary>
    private static async Task<int> RunsAsync(int port, string result)
    {
        try
        {
            return RunsMetric().Matches(await GetAsync(port, "metrics"))
                .Where(m => m.Groups[1].Value == result)
                .Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<string> GetAsync(int port, string path) => await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/{path}"));

    private static string Body(SimulatorFixture simulator, TaskIdentity task) => simulator.Task(task).Body ?? "";

    private static async Task<(HashSet<TaskIdentity> Applied, HashSet<TaskIdentity> InDoubt)> ReadStateAsync(string statePath, List<TaskIdentity> tasks)
    {
        await using var store = await SqliteStateStore.OpenAsync(statePath);
        var records = await store.LoadAppliedAsync(CancellationToken.None);
        var inDoubt = await store.LoadInDoubtAsync(CancellationToken.None);
        return (
            tasks.Where(t => records.TryGetValue(t, out var record) && record.Body.Json.Contains("after-full", StringComparison.Ordinal)).ToHashSet(),
            tasks.Where(inDoubt.ContainsKey).ToHashSet());
    }

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [GeneratedRegex("reconciler_runs_total\\{trigger=\"[a-z]+\",result=\"([a-z]+)\"\\} ([0-9]+)")]
    private static partial Regex RunsMetric();

    /// <summary>The service's "run failed" log line (event 16), one per failed run.</summary>
    [GeneratedRegex("\"EventId\":16\\b")]
    private static partial Regex FailedRunLog();
}

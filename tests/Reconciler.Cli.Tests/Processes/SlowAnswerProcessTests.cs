using System.Text.Json;
using Reconciler.Cli.Tests.Processes.Replicas;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// Issue 19, case 8, as a process: one task's detail answer drips a byte a second. The running check's reads of a pass
/// end within their budget (half a poll interval), the dripping task is skipped, shown in /status and backed off like a
/// failed task, and a commit pushed meanwhile is applied within one poll interval, not after minutes.
/// </summary>
public sealed class SlowAnswerProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_OneDetailAnswerDrips_ThePassIsNotHeld_APushIsAppliedWithinAPollInterval()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        var account = simulator.CreateAccount();
        using var remote = new TestGitRemote();
        using var directory = new TestDirectory("slow-answer");
        var tasks = Enumerable.Range(0, 3).Select(_ => simulator.CreateTask(account)).ToList();
        var (dripping, pushed) = (tasks[0], tasks[1]);
        Commit(remote, tasks, "v1");
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.TrickleAnswer, Count: 1000) { TaskId = dripping.TaskId, Operation = ApiOperation.TaskDetail, Delay = TimeSpan.FromSeconds(1) });
        var port = LoopbackPorts.Free();
        using var process = ReconcilerProcess.Start(
            directory.Path,
            new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = account.Token },
            "run", "--repo", remote.Url, "--state", directory.Combine("state.db"), "--api-url", simulator.BaseAddress.ToString(), "--listen", $"127.0.0.1:{port}",
            "--interval", $"{Interval.TotalSeconds:0}s", "--jitter", "0", "--resync", "10m", "--parallelism", "2", "--log-format", "json");

        // The first pass applies the two others and skips the dripping one, saying why.
        await ReplicaCluster.WaitUntilAsync(() => Task.FromResult(tasks.Skip(1).All(t => simulator.Task(t).AppliedCount == 1)), "the other tasks applied");
        await ReplicaCluster.WaitUntilAsync(async () => await StateOfAsync(port, dripping.TaskId) == "slow_answer", "/status shows the dripping task as slow_answer");
        Assert.Equal(0, simulator.Task(dripping).PutCount);

        // A push is fetched and applied at the next poll, whatever the dripping task does.
        var pushedAt = simulator.State.Time.GetUtcNow();
        Commit(remote, tasks, "v2", only: pushed);
        await ReplicaCluster.WaitUntilAsync(() => Task.FromResult(simulator.Task(pushed).AppliedCount == 2), "the pushed change applied", seconds: 60);
        var put = simulator.State.GetRequestLog().Where(r => r.TaskId == pushed.TaskId && r.Operation == ApiOperation.UpdateTask).MaxBy(r => r.Sequence)!;
        var delay = put.ReceivedAt - pushedAt;
        output.WriteLine($"push to PUT with one task's answer dripping a byte a second: {delay.TotalSeconds:0.0} s (poll interval {Interval.TotalSeconds:0} s, read budget {Interval.TotalSeconds / 2:0.#} s)");

        // A bound on behaviour, not a benchmark: one interval, and a margin for a loaded machine. The dripping task backed
        // off after its first slow answer, so the passes after it no longer wait for it.
        Assert.True(delay <= Interval + TimeSpan.FromSeconds(3), $"the pushed change took {delay.TotalSeconds:0.0} s");
        Assert.Equal(0, simulator.Task(dripping).PutCount);
    }

    private static void Commit(TestGitRemote remote, IReadOnlyList<Core.Manifests.TaskIdentity> tasks, string version, Core.Manifests.TaskIdentity? only = null)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if (only is null || tasks[i] == only)
            {
                remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(tasks[i], $"任务-{i}-{version}"));
            }
        }

        remote.CommitAndPush(version);
    }

    private static async Task<string?> StateOfAsync(int port, string taskId)
    {
        try
        {
            using var status = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/status")));
            return status.RootElement.GetProperty("tasks").EnumerateArray().FirstOrDefault(t => t.GetProperty("task_id").GetString() == taskId) is { ValueKind: JsonValueKind.Object } task
                ? task.GetProperty("state").GetString()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

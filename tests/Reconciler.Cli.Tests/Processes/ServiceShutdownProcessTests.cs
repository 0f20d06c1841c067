using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.State;
using Reconciler.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using Reconciler.Testing.State;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>The real <c>reconciler run</c> process stopped with SIGTERM while PUTs are in flight.</summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class ServiceShutdownProcessTests
{
    [Fact]
    public async Task RunProcess_SigtermDuringApply_ExitsCleanlyWithEveryStoredPutRecorded()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGTERM is a POSIX signal
        }

        await using var simulator = await SimulatorFixture.StartAsync();
        var account = simulator.CreateAccount();
        using var remote = new TestGitRemote();
        using var directory = new TestDirectory("service-sigterm");
        var tasks = Enumerable.Range(0, 8).Select(i =>
        {
            var task = simulator.CreateTask(account);
            remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(task, $"任务-{i}"));
            return task;
        }).ToList();
        remote.CommitAndPush("eight tasks");

        // Each PUT is stored at once and answered 3 s later: longer than System.CommandLine's 2 s termination
        // timeout, so a process that exited at that timeout would leave stored PUTs unrecorded.
        simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromSeconds(3), LatencyPhase = LatencyPhase.After });
        var statePath = directory.Combine("state.db");
        const string secret = "whsec-sigterm-test-secret-value";
        using var process = ReconcilerProcess.Start(
            directory.Path,
            new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = account.Token, ["RECONCILER_WEBHOOK_SECRET"] = secret },
            "run", "--repo", remote.Url, "--state", statePath, "--api-url", simulator.BaseAddress.ToString(), "--listen", "127.0.0.1:0",
            "--parallelism", "2", "--running-check", "false", "--grace-period", "20s", "--log-format", "json");

        await simulator.WaitUntilAsync(s => s.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask) >= 2);
        process.Terminate();
        var result = await process.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var stored = tasks.Where(t => simulator.Task(t).AppliedCount > 0).ToHashSet();
        var recorded = (await StateSeeder.LoadAsync(statePath)).Keys.ToHashSet();
        Assert.NotEmpty(stored);
        Assert.True(stored.Count < tasks.Count, "SIGTERM came after the whole apply: the test proves nothing");
        Assert.Equal(stored, recorded);

        await using var store = await SqliteStateStore.OpenAsync(statePath);
        var run = Assert.Single(await store.ReadRunsAsync(10, CancellationToken.None));
        Assert.Equal(stored.Count, run.Outcomes["applied"]);
        Assert.Equal(tasks.Count - stored.Count, run.Outcomes["cancelled"]);
        await using (await store.AcquireApplyLockAsync(CancellationToken.None))
        {
            // the lock died with the process
        }

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        var output = result.Out + result.Error;
        Assert.DoesNotContain(account.Token, output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// SIGTERM during <c>apply</c>: no new PUT starts, the ones already sent finish within the grace period and
/// are recorded, and the state matches exactly what the platform stored.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class ApplyShutdownProcessTests
{
    [Fact]
    public async Task Apply_SigtermWhilePutsAreInFlight_RecordsEveryStoredPutAndStartsNoMore()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGTERM is a POSIX signal
        }

        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, 6).Select(i => work.AddTask($"t{i}.yaml")).ToList();

        // Each PUT is stored at once and answered 6 s later: far beyond System.CommandLine's default 2 s
        // termination timeout (an apply cut short there exits 143 with stored PUTs unrecorded), well within
        // apply's 30 s grace period.
        simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromSeconds(6), LatencyPhase = LatencyPhase.After });
        using var process = ReconcilerProcess.Start(
            work.Path,
            work.Environment,
            "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile,
            "--auto-approve", "--parallelism", "2", "--no-running-check");

        await simulator.WaitUntilAsync(s => s.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask) >= 2);
        process.Terminate();
        var result = await process.WaitAsync();

        var stored = tasks.Where(t => work.Task(t).AppliedCount > 0).ToHashSet();
        var recorded = (await work.StateAsync()).Keys.ToHashSet();
        Assert.True(result.ExitCode != 143, "the process was cut short by the termination timeout:\n" + result);
        Assert.NotEmpty(stored);
        Assert.True(stored.Count < tasks.Count, "SIGTERM came after the whole apply: the test proves nothing");
        Assert.Equal(stored, recorded);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{tasks.Count - stored.Count} not started (cancelled)", result.Out, StringComparison.Ordinal);
        SecretAssert.NotPrinted(work.Account.Token, result);
    }
}

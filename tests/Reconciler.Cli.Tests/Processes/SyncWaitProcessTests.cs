using Reconciler.Cli.Tests.Service;
using Reconciler.Cli.Tests.Support;
using Reconciler.Service.Configuration;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// <c>reconciler sync --wait</c> as a real process against a running service: it waits for the run that answers its
/// sync and exits by how that run went (0 done, 1 a task rejected/failed/invalid, 3 tasks waiting), as the README says.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SyncWaitProcessTests
{
    /// <summary>The one line of <see cref="ServiceManifests.Valid"/>; a residue of 1 refuses maximumcall 2.</summary>
    private const string Line = "d47c3599-f166-4cd0-999c-f60e46814d26";

    [Fact]
    public async Task SyncWait_EverythingApplied_ExitsZero()
    {
        await using var service = await RunningService.StartAsync(tasks: 2, running: 0);

        var result = await SyncWaitAsync(service);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Run (sync) at", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 unchanged", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncWait_ATaskRejectedEarlierAndUnchanged_ExitsOne_AndStatusSaysAManifestChangeRetriesIt()
    {
        await using var service = await RunningService.StartAsync(tasks: 1, running: 0, platform: s => s.Lines.Set(Line, 1));

        var result = await SyncWaitAsync(service);
        var status = await ReconcilerProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string>(), "status", "--server", service.Address.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("1 rejected", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("held back", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, service.Simulator.State.GetRequestLog().Count(r => r.Operation == global::TaskApi.Simulator.ApiOperation.UpdateTask));
        var row = status.Out.Split('\n').Single(l => l.Contains(service.Tasks[0].TaskId, StringComparison.Ordinal));
        Assert.StartsWith("rejected", row, StringComparison.Ordinal);
        Assert.Contains("[422]", row, StringComparison.Ordinal);
        Assert.Contains("(changes to the manifest will retry it)", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncWait_ARunningTaskWaitingForItsRetry_ExitsThree()
    {
        await using var service = await RunningService.StartAsync(tasks: 1, running: 1);

        var result = await SyncWaitAsync(service);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("1 held back", result.Out, StringComparison.Ordinal);
    }

    private static Task<CliResult> SyncWaitAsync(RunningService service) =>
        ReconcilerProcess.RunAsync(
            Path.GetTempPath(),
            new Dictionary<string, string> { [ServiceSettings.SyncTokenVariable] = RunningService.SyncToken },
            "sync", "--server", service.Address.ToString(), "--wait", "--timeout", "60");
}

using Reconciler.Cli.Tests.Service;
using Reconciler.Cli.Tests.Support;
using Reconciler.Service.Configuration;
using Reconciler.Testing;
using Xunit;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>reconciler rollback --service</c> and <c>reconciler sync --resume</c> against a real service on 127.0.0.1.</summary>
public sealed class RollbackServiceCommandTests
{
    [Fact]
    public async Task Rollback_Service_ShowsThePlanThenRollsBackAndSyncResumeReleasesTheHold()
    {
        await using var service = await RunningService.StartAsync(tasks: 2, running: 0);
        var first = service.Remote.HeadCommitId;
        for (var i = 0; i < service.Tasks.Count; i++)
        {
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(service.Tasks[i], $"第二版-{i}"));
        }

        var second = service.Remote.CommitAndPush("second version");
        Assert.Equal(0, (await Cli(service, "sync", "--server", service.Address.ToString(), "--wait", "--timeout", "60")).ExitCode);
        Assert.Contains("第二版-0", service.Simulator.State.GetTask(service.Tasks[0].UserId, service.Tasks[0].TaskId)!.Body, StringComparison.Ordinal);

        var result = await Cli(service, "rollback", "--to", first, "--service", service.Address.ToString(), "--auto-approve");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"the manifests of {first[..12]} against the service's state (the branch is at {second[..12]})", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 to update", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Rolled back to {first[..12]}: 2 applied", result.Out, StringComparison.Ordinal);
        Assert.Contains($"The service holds {second[..12]}", result.Out, StringComparison.Ordinal);
        Assert.Contains("外呼任务-0", service.Simulator.State.GetTask(service.Tasks[0].UserId, service.Tasks[0].TaskId)!.Body, StringComparison.Ordinal);
        Assert.Equal("rolled_back", service.App.Status.Current.Hold?.State);
        var status = await Cli(service, "status", "--server", service.Address.ToString());
        Assert.Contains($"Held:     {second[..12]} rolled back to {first}", status.Out, StringComparison.Ordinal);

        var resume = await Cli(service, "sync", "--resume", "--server", service.Address.ToString(), "--wait", "--timeout", "60");

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Contains($"Resumed: {second[..12]} rolled back to {first[..12]}.", resume.Out, StringComparison.Ordinal);
        Assert.Null(service.App.Status.Current.Hold);
        Assert.Contains("第二版-0", service.Simulator.State.GetTask(service.Tasks[0].UserId, service.Tasks[0].TaskId)!.Body, StringComparison.Ordinal);
    }

    private static Task<CliResult> Cli(RunningService service, params string[] args) =>
        InProcessCli.RunAsync(Path.GetTempPath(), new Dictionary<string, string> { [ServiceSettings.SyncTokenVariable] = RunningService.SyncToken }, args, cancellationToken: service.Token);
}

using Reconciler.Cli.Apply;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>What apply prints while it retries and fails: our own lines only, and a proxy's HTML page summarised.</summary>
public sealed class ApplyOutputTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_RetriedAndFailedTask_PrintsNoResilienceInternalsAndNoRawHtml()
    {
        using var work = new ApplyWorkspace(simulator);
        var failing = work.AddTask("a.yaml");
        var retried = work.AddTask("b.yaml");
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.BadGateway, 3) { TaskId = failing.TaskId, Operation = ApiOperation.UpdateTask });
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.ServiceUnavailable, 1) { TaskId = retried.TaskId, Operation = ApiOperation.UpdateTask });
        work.Environment[ApiTuning.MaxRetriesVariable] = "2";
        work.Environment[ApiTuning.RetryBaseDelayVariable] = "10";

        var result = await work.ApplyAsync("--parallelism", "1");

        Assert.True(result.ExitCode == 1, result.ToString());
        var printed = result.Out + result.Error;
        Assert.DoesNotContain("Execution attempt", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Resilience event", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<title>", printed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HTTP 502 Bad Gateway after 3 attempts: an HTML page titled \"502 Bad Gateway\"", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(retried).AppliedCount);
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// <c>--max-rps</c> and the shared 429 pause, read from the simulator's request log (arrival times). The bounds are
/// about counts, with room for a loaded machine: a limit of 10 a second against a burst that would otherwise be all
/// the requests at once; a pause of 2 s against gaps of tens of milliseconds.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ApplyRateLimitTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_MaxRps_KeepsEveryOneSecondWindowWithinTheLimit()
    {
        using var work = new ApplyWorkspace(simulator);
        await WarmUpAsync();
        var tasks = Enumerable.Range(0, 30).Select(i => work.AddTask($"t{i:00}.yaml")).ToList();

        var result = await work.ApplyAsync("--max-rps", "10", "--parallelism", "8");

        Assert.True(result.ExitCode == 0, result.ToString());
        var arrivals = Arrivals(work);
        Assert.Equal(60, arrivals.Count); // a running-state read and a PUT per task: every request is paced
        var busiest = RequestWindows.BusiestSecond(arrivals);
        // 10 plus room for arrival jitter (a request delayed on its way, the next one not): without the limit all 60 arrive within a second.
        Assert.True(busiest <= 12, $"{busiest} requests within one second at --max-rps 10; gaps in ms: {RequestWindows.Gaps(arrivals)}");
        var mean = RequestWindows.MeanRate(arrivals);
        Assert.True(mean <= 10.5, $"{mean:0.00} requests a second over the run at --max-rps 10");
        Assert.Equal(30, work.Puts([.. tasks]));
    }

    [Fact]
    public async Task Apply_TooManyRequests_PausesEveryWorkerUntilRetryAfter()
    {
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, 24).Select(i => work.AddTask($"t{i:00}.yaml")).ToList();
        // Each request takes 100 ms, so without a shared pause the other workers keep arriving every few tens of ms.
        simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromMilliseconds(100) });
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.TooManyRequests) { TaskId = tasks[0].TaskId, Operation = ApiOperation.UpdateTask, RetryAfterSeconds = 2 });
        try
        {
            var result = await work.ApplyAsync("--parallelism", "4", "--no-running-check");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(25, work.Puts([.. tasks]));
            var arrivals = Arrivals(work);
            var limited = simulator.State.GetRequestLog().Single(e => e.UserId == work.Account.UserId && e.HttpStatus == 429).ReceivedAt;
            var after = arrivals.Where(a => a > limited + TimeSpan.FromMilliseconds(400)).ToList();
            Assert.NotEmpty(after);
            // Workers already sending when the 429 came may arrive just after it; then nobody sends until Retry-After has passed.
            var quiet = after.Min() - limited;
            Assert.True(quiet >= TimeSpan.FromSeconds(1.5), $"the first request after the 429 (besides those already under way) came {quiet.TotalMilliseconds:0} ms after it");
        }
        finally
        {
            simulator.State.ClearFaults();
        }
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("plan")]
    [InlineData("import")]
    public async Task MaxRps_OutOfRange_IsRefusedByEveryCommandThatTalksToThePlatform(string command)
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");
        string[] args = command switch
        {
            "apply" => ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve", "--max-rps", "0"],
            "plan" => ["plan", ApplyWorkspace.ManifestDir, "--refresh", "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--max-rps", "0"],
            _ => ["import", ".", "--user-id", work.Account.UserId, "--api-url", simulator.BaseAddress.ToString(), "--max-rps", "0"],
        };

        var result = await work.RunAsync(args);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--max-rps must be from 0.1 to 10000", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(task).PutCount);
    }

    /// <summary>
    /// One apply before the measured one: the first requests of a process (and of the in-process simulator) wait for
    /// the JIT on both sides and then arrive together, which says nothing about the pacing.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var warm = new ApplyWorkspace(simulator);
        warm.AddTask("warm.yaml");
        Assert.Equal(0, (await warm.ApplyAsync("--max-rps", "100")).ExitCode);
    }

    private List<DateTimeOffset> Arrivals(ApplyWorkspace work) =>
        simulator.State.GetRequestLog().Where(e => e.UserId == work.Account.UserId).Select(e => e.ReceivedAt).Order().ToList();
}

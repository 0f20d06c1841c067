using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// "No changes" only when it is true: a lost answer leaves the task in doubt and the next apply sends the desired
/// body even when it equals the last-applied one; a state belongs to one endpoint; one lock per state file.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class TruthfulStateProcessTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Apply_AnswerDroppedAfterThePlatformStoredItThenReverted_SendsTheRevertedBodyAgain()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "版本A"));
        ShortDeadlines(work);
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        // B reaches the platform, but the connection drops before the answer: the client cannot know.
        work.WriteManifest("a.yaml", task, SampleBodies.V2(name: "版本B"));
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DropAfterProcessing) { TaskId = task.TaskId, Operation = ApiOperation.UpdateTask });
        work.Environment["RECONCILER_API_MAX_RETRIES"] = "0";
        var lost = await ReconcilerProcess.RunAsync(work.Path, work.Environment, ApplyArgs(simulator));
        Assert.True(lost.ExitCode == 1, lost.ToString());
        Assert.Contains("版本B", work.Task(task).Body, StringComparison.Ordinal);
        Assert.Contains("the task is in doubt", lost.Error, StringComparison.Ordinal);

        // The manifest goes back to A, which is also the last-applied body: before, this planned "unchanged".
        work.WriteManifest("a.yaml", task, SampleBodies.V2(name: "版本A"));
        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile]);
        Assert.Contains("1 to update", plan.Out, StringComparison.Ordinal);
        Assert.Contains("in doubt: the result of the last attempt", plan.Out, StringComparison.Ordinal);

        var reverted = await RevertAfterTheDeadlineAsync(work, simulator, task);

        Assert.Contains("版本A", work.Task(task).Body, StringComparison.Ordinal);
        Assert.True(reverted.ExitCode == 0, reverted.ToString());
        var again = await work.ApplyAsync("--refresh");
        Assert.Contains("No changes: the platform matches the manifests.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Apply_KilledAfterThePlatformStoredTheUpdateThenReverted_SendsTheRevertedBodyAgain()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "版本A"));
        ShortDeadlines(work);
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        work.WriteManifest("a.yaml", task, SampleBodies.V2(name: "版本B"));
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayAfter) { TaskId = task.TaskId, Operation = ApiOperation.UpdateTask, Delay = TimeSpan.FromMinutes(5) });

        using (var process = ReconcilerProcess.Start(work.Path, work.Environment, ApplyArgs(simulator)))
        {
            await simulator.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.AppliedCount == 2);
            process.Kill();
            await process.WaitAsync();
        }

        work.WriteManifest("a.yaml", task, SampleBodies.V2(name: "版本A"));
        var reverted = await RevertAfterTheDeadlineAsync(work, simulator, task);

        Assert.True(reverted.ExitCode == 0, reverted.ToString());
        Assert.Contains("Plan: 1 to update", reverted.Out, StringComparison.Ordinal);
        Assert.Contains("版本A", work.Task(task).Body, StringComparison.Ordinal);
        Assert.Equal(3, work.Task(task).AppliedCount);
    }

    // Long enough that the processes run between the lost request and the early apply (seconds each on a loaded machine) stay inside it.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>A PUT may take 6 s per attempt and 30 s in all: the fence an unanswered request sets lasts seconds, not minutes.</summary>
    private static void ShortDeadlines(ApplyWorkspace work)
    {
        work.Environment["RECONCILER_API_ATTEMPT_TIMEOUT_MS"] = "6000";
        work.Environment["RECONCILER_API_UPDATE_DEADLINE_MS"] = ((int)Deadline.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The reverted body differs from the unanswered request's (B), which may still land until its deadline: the first
    /// apply sends nothing and says why (exit 3, retry later); once the deadline (and the clock margin) has passed it is sent.
    /// </summary>
    private static async Task<CliResult> RevertAfterTheDeadlineAsync(ApplyWorkspace work, SimulatorFixture simulator, TaskIdentity task)
    {
        var puts = work.Task(task).PutCount;
        var early = await ReconcilerProcess.RunAsync(work.Path, work.Environment, ApplyArgs(simulator));
        Assert.True(early.ExitCode == 3, early.ToString());
        Assert.Contains("not sent now: an earlier request for this task with another body", early.Out, StringComparison.Ordinal);
        Assert.Equal(puts, work.Task(task).PutCount);

        await Task.Delay(Deadline + Core.Policies.InFlightPolicy.ClockMargin + TimeSpan.FromSeconds(1));
        return await ReconcilerProcess.RunAsync(work.Path, work.Environment, ApplyArgs(simulator));
    }

    [Fact]
    public async Task Apply_SimulatorTrialThenThePlatform_TheTrialsStateIsNotUsed()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = new[] { work.AddTask("a.yaml"), work.AddTask("b.yaml") };

        var trial = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--simulator", "--auto-approve");
        var real = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--auto-approve");

        Assert.True(trial.ExitCode == 0, trial.ToString());
        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.Contains("Plan: 0 to update, 2 to adopt", real.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Puts(tasks));
    }

    [Fact]
    public async Task Apply_StateBoundToAnotherEndpoint_IsRefusedWithoutARequest_AndRebindAdoptsEveryTask()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        var other = new UriBuilder(simulator.BaseAddress) { Host = "localhost" }.Uri.ToString();
        var requests = simulator.State.GetRequestLog().Count;

        var refused = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", other, "--state", ApplyWorkspace.StateFile, "--auto-approve");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"records tasks applied to http://127.0.0.1:{simulator.BaseAddress.Port}, not to http://localhost:{simulator.BaseAddress.Port}", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--rebind-state", refused.Error, StringComparison.Ordinal);
        Assert.Equal(requests, simulator.State.GetRequestLog().Count);

        var rebound = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", other, "--state", ApplyWorkspace.StateFile, "--rebind-state", "--auto-approve");

        Assert.True(rebound.ExitCode == 0, rebound.ToString());
        Assert.Contains("re-bound from http://127.0.0.1:", rebound.Error, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to update, 1 to adopt", rebound.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Puts(task));
    }

    [Fact]
    public async Task Apply_TwoSymlinksToOneStateFile_MeetOneLock()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var slow = work.AddTask("a.yaml");
        Directory.CreateDirectory(Path.Combine(work.Path, "state"));
        File.CreateSymbolicLink(Path.Combine(work.Path, "one.db"), Path.Combine(work.Path, ApplyWorkspace.StateFile));
        Directory.CreateSymbolicLink(Path.Combine(work.Path, "elsewhere"), Path.Combine(work.Path, "state"));
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DelayBefore) { TaskId = slow.TaskId, Operation = ApiOperation.UpdateTask, Delay = TimeSpan.FromMinutes(5) });
        using var first = ReconcilerProcess.Start(work.Path, work.Environment, "apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", "one.db", "--auto-approve");
        await simulator.WaitUntilAsync(s => s.GetTask(slow.UserId, slow.TaskId)!.PutCount == 1);

        var second = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", "elsewhere/state.db", "--auto-approve"]);

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains($"is locked by another apply (pid {first.Id}, since ", second.Error, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(slow).PutCount);
        first.Kill();
    }

    private static string[] ApplyArgs(SimulatorFixture simulator) =>
        ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"];
}

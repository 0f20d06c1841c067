using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Staged rollout: <c>--batch</c>, <c>--canary</c> and the halt thresholds, judged from what the simulator received.</summary>
public sealed class ApplyRolloutTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_ThirtyPercentOfTheFirstBatchRejected_HaltsAndSendsNoSecondBatch()
    {
        using var work = new ApplyWorkspace(simulator);
        // Files are planned in name order: t00–t02 are refused by the platform (a 旧版 body for a 新版 task), all in the first batch of 10.
        var refused = Enumerable.Range(0, 3).Select(i => Refused(work, $"t{i:00}.yaml")).ToList();
        var healthy = Enumerable.Range(3, 17).Select(i => work.AddTask($"t{i:00}.yaml")).ToList();

        var result = await work.ApplyAsync("--batch", "10", "--halt-on-rejected", "20", "--parallelism", "4");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("Rollout: 2 batch(es) of 10, 10 task(s); halting when more than 20% of a batch is rejected or more than 10% fails.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Apply: 7 applied, 0 blocked (running), 3 rejected, 0 failed.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Rollout halted after batch 1 of 2: 3 of 10 rejected (30%), 0 failed (0%), more than --halt-on-rejected 20%; 10 task(s) not sent (still planned)", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, work.Puts([.. healthy.Skip(7)])); // the second batch: nothing sent
        Assert.All(healthy.Take(7), t => Assert.Equal(1, work.Task(t).AppliedCount));
        Assert.Equal(7, (await work.StateAsync()).Count);
        var attempted = (await work.AttemptsAsync()).Select(a => a.Identity).ToHashSet();
        Assert.DoesNotContain(attempted, healthy.Skip(7).Contains); // nothing recorded for the unsent: they stay planned

        // The next plan still has them to adopt.
        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile]);
        Assert.Contains("13 to adopt", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_CanaryThenBatchesWithinTheThresholds_SendsEverything()
    {
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, 9).Select(i => work.AddTask($"t{i:00}.yaml")).ToList();
        var refused = Refused(work, "t09.yaml"); // batches of 2, 5 and 3: the one rejection is in the last, which has nothing after it to hold back

        var result = await work.ApplyAsync("--canary", "2", "--batch", "50%", "--batch-pause", "10ms", "--halt-on-rejected", "0");

        Assert.True(result.ExitCode == 1, result.ToString()); // one rejected: an ordinary failed apply, not a halt
        Assert.Contains("Apply: 9 applied, 0 blocked (running), 1 rejected, 0 failed.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("halted", result.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(1, work.Task(t).AppliedCount));
    }

    [Fact]
    public async Task Apply_CanaryRejected_HaltsBeforeTheRest()
    {
        using var work = new ApplyWorkspace(simulator);
        Refused(work, "a.yaml");
        var rest = Enumerable.Range(0, 5).Select(i => work.AddTask($"b{i}.yaml")).ToList();

        var result = await work.ApplyAsync("--canary", "1", "--halt-on-rejected", "0");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("Rollout halted after batch 1 of 2: 1 of 1 rejected (100%)", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, work.Puts([.. rest]));
    }

    [Theory]
    [InlineData("--batch", "0", "--batch: '0' is not a batch size")]
    [InlineData("--batch", "120%", "--batch: '120%' is not a batch size")]
    [InlineData("--halt-on-failed", "5", "need --batch or --canary")]
    public async Task Apply_BadRolloutFlags_AreRefusedBeforeAnythingIsSent(string flag, string value, string expected)
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");

        var result = await work.ApplyAsync(flag, value);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, work.Puts(task));
    }

    private TaskIdentity Refused(ApplyWorkspace work, string file)
    {
        var identity = simulator.CreateTask(work.Account, TaskFlavour.V2);
        work.WriteManifest(file, identity, SampleBodies.Legacy(), ApiFlavours.V2LegacyApiVersion);
        return identity;
    }
}

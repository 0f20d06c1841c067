using Reconciler.Cli.Tests.Support;
using Reconciler.Testing;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.TaskSets;

/// <summary>A saved plan (<c>plan --out</c>, <c>apply FILE</c>) of a set whose items are CSV rows.</summary>
public sealed class TaskSetSavedPlanTests
{
    [Fact]
    public async Task SavedPlan_OfCsvRows_AppliesExactlyThemAndRecordsTheirSet()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = SetWorkspace.Create(work, 6);
        var first = await work.ApplyAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        SetWorkspace.WriteCsv(work, TaskSetManifests.Csv(tasks.Select(t => t.TaskId), i => i == 2 ? "还款提醒-改" : $"还款提醒-{i}"));
        string[] api = ["--api-url", simulator.BaseAddress.ToString()];

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, .. api, "--out", "plan.out"]);
        var apply = await work.RunAsync(["apply", "plan.out", "--auto-approve", .. api]);
        var list = await work.RunAsync(["state", "list", "--state", ApplyWorkspace.StateFile]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Apply: 1 applied,", apply.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Task(tasks[2]).PutCount);
        Assert.Equal(6, list.Out.Split('\n').Count(l => l.EndsWith("tasks/reminders.yaml (set reminders)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SavedPlan_CsvRowChangedAfterThePlan_IsRefusedWithNothingSent()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = SetWorkspace.Create(work, 3);
        string[] api = ["--api-url", simulator.BaseAddress.ToString()];

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, .. api, "--out", "plan.out"]);
        SetWorkspace.WriteCsv(work, TaskSetManifests.Csv(tasks.Select(t => t.TaskId), i => i == 1 ? "还款提醒-后改" : $"还款提醒-{i}"));
        var apply = await work.RunAsync(["apply", "plan.out", "--auto-approve", .. api]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("reconciler: the manifests changed since the plan", apply.Error, StringComparison.Ordinal); // the CSV is in the digest
        Assert.Contains("its manifest changed since the plan", apply.Error + apply.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(0, work.Task(t).PutCount));
    }
}

using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.TaskSets;

/// <summary>
/// A set of hundreds of CSV rows through real <c>reconciler</c> processes against the simulator, as a user would
/// work with it: validate, plan, apply, plan again, edit one row, and see exactly that one task planned and sent.
/// </summary>
public sealed class TaskSetRoundTripProcessTests
{
    private const int Rows = 300;
    private const int Edited = 137;

    private static string Csv(IReadOnlyList<TaskIdentity> tasks, Func<int, string>? name = null) =>
        "task_id,name,maximumcall,task_extras.start_time\n"
        + string.Concat(tasks.Select((t, i) => $"{t.TaskId},{(name ?? (n => $"还款提醒-{n}"))(i)},{(i % 3 == 0 ? "4" : "")},{(i % 2 == 0 ? "2026-12-24 09:00:00" : "")}\n"));

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ASetOfHundredsOfRows_ValidatePlanApply_ThenOneEditedRowIsOneUpdateAndOnePut()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = SetWorkspace.Create(work, Rows);
        SetWorkspace.WriteCsv(work, Csv(tasks));
        string[] plan = ["plan", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"];
        string[] apply = ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"];

        var validate = await RunAsync(work, "validate", ApplyWorkspace.ManifestDir);
        var firstPlan = await RunAsync(work, plan);
        var firstApply = await RunAsync(work, apply);
        var settled = await RunAsync(work, plan);

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains($"{Rows} task manifest(s) valid in 1 file(s).", validate.Out, StringComparison.Ordinal);
        Assert.True(firstPlan.ExitCode == 2, firstPlan.ToString());
        Assert.Contains($"Plan: 0 to update, {Rows} to adopt, 0 to unmanage, 0 invalid, 0 unchanged.", firstPlan.Out, StringComparison.Ordinal);
        Assert.True(firstApply.ExitCode == 0, firstApply.ToString());
        Assert.Contains($"Apply: {Rows} applied, 0 blocked (running), 0 rejected, 0 failed.", firstApply.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(1, work.Task(t).PutCount));
        Assert.True(settled.ExitCode == 0, settled.ToString());
        Assert.Contains($"Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, {Rows} unchanged.", settled.Out, StringComparison.Ordinal);

        SetWorkspace.WriteCsv(work, Csv(tasks, i => i == Edited ? "还款提醒-改" : $"还款提醒-{i}"));
        var edited = await RunAsync(work, plan);
        var editedJson = await RunAsync(work, [.. plan, "--format", "json"]);
        var secondApply = await RunAsync(work, apply);

        Assert.True(edited.ExitCode == 2, edited.ToString());
        Assert.Contains($"Plan: 1 to update, 0 to adopt, 0 to unmanage, 0 invalid, {Rows - 1} unchanged.", edited.Out, StringComparison.Ordinal);
        Assert.Contains($"tasks/reminders.csv:{Edited + 2}:1", edited.Out, StringComparison.Ordinal);
        Assert.Contains($"~ name: \"还款提醒-{Edited}\" → \"还款提醒-改\"", edited.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(editedJson.Out);
        var update = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() != "unchanged");
        Assert.Equal(tasks[Edited].TaskId, update.GetProperty("task_id").GetString());
        Assert.Equal("reminders", update.GetProperty("set").GetString());
        Assert.Contains("Apply: 1 applied, 0 blocked (running), 0 rejected, 0 failed.", secondApply.Out, StringComparison.Ordinal);
        Assert.Equal(2, work.Task(tasks[Edited]).PutCount);
        Assert.Equal(Rows + 1, work.Puts([.. tasks]));
        Assert.Equal("还款提醒-改", JsonDocument.Parse(work.Task(tasks[Edited]).Body!).RootElement.GetProperty("name").GetString());
    }

    private static Task<CliResult> RunAsync(ApplyWorkspace work, params string[] args) => ReconcilerProcess.RunAsync(work.Path, work.Environment, args);
}

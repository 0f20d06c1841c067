using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Onboarding an account with import --track, and looking at the state without sqlite3.</summary>
public sealed class ImportAndStateTests
{
    [Fact]
    public async Task Import_TwentyLiveTasksWithTrack_ValidateAndPlanUnchangedWithoutARequest()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, 20)
            .Select(i => simulator.CreateTask(work.Account, initialBody: i % 2 == 0 ? ImportableBodies.V2($"存量任务-{i}") : ImportableBodies.V2($"存量任务-{i}", maximumCall: 4)))
            .ToList();
        work.WriteFile("manifests/.keep", "");
        var api = simulator.BaseAddress.ToString();

        var import = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", api, "--state", ApplyWorkspace.StateFile, "--track"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Import: 20 written, 20 valid (each read back as exactly the platform's task and body, and checked like plan), 0 failed, 0 already present.", import.Out, StringComparison.Ordinal);
        Assert.Contains("Tracked 20 task(s) as last applied, with the bodies the platform reported (nothing was sent).", import.Out, StringComparison.Ordinal);
        var validate = await work.RunAsync(["validate", ApplyWorkspace.ManifestDir]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        simulator.State.ClearRequestLog();

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"]);
        var apply = await work.ApplyAsync("--refresh");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, 20 unchanged.", plan.Out, StringComparison.Ordinal);
        Assert.Contains("No changes: the platform matches the manifests.", apply.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(0, work.Task(t).PutCount));
        var yaml = File.ReadAllText(Path.Combine(work.Path, "manifests", "tasks", tasks[3].TaskId + ".yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=", yaml, StringComparison.Ordinal);
        Assert.Contains("name: \"存量任务-3\"", yaml, StringComparison.Ordinal);

        var again = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", api, "--task-id", tasks[0].TaskId]);
        Assert.Contains("already in the repository", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_ListShowHistoryForget_PrintWhatTheStateHolds()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "状态查看"));
        var blocked = work.AddTask("b.yaml", running: true);
        await work.ApplyAsync();
        string[] state = ["--state", ApplyWorkspace.StateFile];

        var list = await work.RunAsync(["state", "list", .. state]);
        var listJson = await work.RunAsync(["state", "list", .. state, "--format", "json"]);
        var show = await work.RunAsync(["state", "show", task.TaskId, .. state]);
        var history = await work.RunAsync(["state", "history", "--task", blocked.TaskId, .. state, "--format", "json"]);

        Assert.Contains($"{task}  状态查看  applied ", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 managed task(s), 0 in doubt.", list.Out, StringComparison.Ordinal);
        Assert.Equal(task.TaskId, JsonDocument.Parse(listJson.Out).RootElement[0].GetProperty("task_id").GetString());
        Assert.Contains("\"name\": \"状态查看\"", show.Out, StringComparison.Ordinal);
        Assert.Contains("applied", show.Out, StringComparison.Ordinal);
        Assert.Equal("blocked", JsonDocument.Parse(history.Out).RootElement[0].GetProperty("outcome").GetString());

        var forget = await work.RunAsync(["state", "forget", task.TaskId, .. state]);

        Assert.True(forget.ExitCode == 0, forget.ToString());
        Assert.Empty(await work.StateAsync());
        Assert.Equal(1, work.Task(task).PutCount); // the platform is not touched
        var missing = await work.RunAsync(["state", "show", "nope", .. state]);
        Assert.Contains("'nope' matches no task in the state", missing.Error, StringComparison.Ordinal);
    }
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.TaskSets;

/// <summary><c>import --as-taskset</c>: live tasks factored into one set that plans as unchanged against what was imported.</summary>
public sealed class ImportAsTaskSetTests
{
    [Theory]
    [InlineData(12, true)]
    [InlineData(3, false)]
    public async Task ImportAsTaskSet_WithTrack_PlansUnchangedAndAppliesNothing(int count, bool expectCsv)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, count)
            .Select(i => simulator.CreateTask(work.Account, initialBody: ImportableBodies.V2($"存量任务-{i}", maximumCall: i % 3 == 0 ? 4 : 2)))
            .ToList();
        work.WriteFile("manifests/.keep", "");
        var api = simulator.BaseAddress.ToString();

        var import = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", api, "--state", ApplyWorkspace.StateFile, "--as-taskset", "stock", "--track"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains($"Import: {count} task(s) in set stock (tasks/stock.yaml", import.Out, StringComparison.Ordinal);
        Assert.Contains($"Tracked {count} task(s) as last applied", import.Out, StringComparison.Ordinal);
        Assert.Equal(expectCsv, File.Exists(Path.Combine(work.Path, "manifests", "tasks", "stock.csv")));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(work.Path, "manifests", "tasks"), "*.yaml"));
        simulator.State.ClearRequestLog();

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"]);
        var apply = await work.ApplyAsync();
        var list = await work.RunAsync(["state", "list", "--state", ApplyWorkspace.StateFile]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains($"Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, {count} unchanged.", plan.Out, StringComparison.Ordinal);
        Assert.Contains("No changes", apply.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(0, work.Task(t).PutCount));
        Assert.Equal(count, list.Out.Split('\n').Count(l => l.EndsWith("(set stock)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ImportAsTaskSet_TemplateChangeAfterImport_UpdatesEveryTaskOfTheSet()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = Enumerable.Range(0, 8).Select(i => simulator.CreateTask(work.Account, initialBody: ImportableBodies.V2($"存量任务-{i}"))).ToList();
        work.WriteFile("manifests/.keep", "");
        await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--as-taskset", "stock", "--track"]);
        var path = Path.Combine(work.Path, "manifests", "tasks", "stock.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"2027-12-25 23:59:59\"", "\"2027-12-31 23:59:59\"", StringComparison.Ordinal));

        var apply = await work.ApplyAsync();

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Apply: 8 applied,", apply.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(1, work.Task(t).PutCount));
    }

    [Fact]
    public async Task ImportAsTaskSet_TaskWithAManifestAlready_IsSkippedAndTheRestFormTheSet()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var written = work.AddTask("written.yaml");
        var live = Enumerable.Range(0, 7).Select(i => simulator.CreateTask(work.Account, initialBody: ImportableBodies.V2($"存量任务-{i}"))).ToList();

        var import = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--as-taskset", "stock", "--track"]);
        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--format", "json"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains($"skipped   {written}: already in the repository", import.Out, StringComparison.Ordinal);
        Assert.Contains("Import: 7 task(s) in set stock (tasks/stock.yaml, items in tasks/stock.csv)", import.Out, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(plan.Out);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(8, entries.Count);
        Assert.All(entries.Where(e => e.GetProperty("task_id").GetString() != written.TaskId), e => Assert.Equal(("unchanged", "stock"), (e.GetProperty("action").GetString(), e.GetProperty("set").GetString())));
        Assert.Equal(live.Select(t => t.TaskId).Order(StringComparer.Ordinal), entries.Where(e => e.GetProperty("set").GetString() == "stock").Select(e => e.GetProperty("task_id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ImportAsTaskSet_ExistingFileOrSetName_IsNeverOverwritten()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        simulator.CreateTask(work.Account, initialBody: ImportableBodies.V2("存量任务"));
        work.WriteFile("manifests/tasks/stock.yaml", "# mine\n");
        string[] import = ["import", ApplyWorkspace.ManifestDir, "--user-id", work.Account.UserId, "--api-url", simulator.BaseAddress.ToString(), "--as-taskset"];

        var clash = await work.RunAsync([.. import, "stock"]);
        var badName = await work.RunAsync([.. import, "9 lives"]);

        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("--as-taskset: tasks/stock.yaml already exists: it is not overwritten", clash.Error, StringComparison.Ordinal);
        Assert.Equal("# mine\n", File.ReadAllText(Path.Combine(work.Path, "manifests", "tasks", "stock.yaml")));
        Assert.Equal(1, badName.ExitCode);
        Assert.Contains("a set's name starts with a letter", badName.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// After an import, the baseline is what the platform reported: dropping a field it holds is warned about on the first
/// plan (tracked import) or with --refresh (untracked), and an edit sends every other field the task had.
/// </summary>
public sealed class ImportBaselineTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly string CurlSeed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "seed-bodies", "v2", "curl.json"));

    [Fact]
    public async Task TrackedImport_EditThatDropsAField_IsWarnedAndTheUpdateSendsEveryOtherField()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = simulator.CreateTask(work.Account, initialBody: CurlSeed);
        var import = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", task.UserId, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--track"]);
        Assert.True(import.ExitCode == 0, import.ToString());
        Edit(work, task.TaskId, ("  maximumcall: 2\n", "  maximumcall: 1\n"), ("  background_id: 123\n", ""));

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"]);
        var apply = await work.ApplyAsync();

        Assert.True(plan.ExitCode == 2, plan.ToString());
        Assert.Contains("background_id was applied before and is now omitted", plan.Out + plan.Error, StringComparison.Ordinal);
        Assert.Contains("~ maximumcall: 2 → 1", plan.Out, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var sent = (JsonObject)JsonNode.Parse(work.Task(task).Body!)!;
        Assert.Equal(11, sent.Count);
        Assert.Equal(["dial_time_id", "group_switch_rule", "group_type", "is_group_switch", "llm_intention_id", "score_scheme_id", "task_type"], sent.Select(p => p.Key).Where(k => k is not ("name" or "destination_extension" or "maximumcall" or "task_extras")).Order(StringComparer.Ordinal));
        Assert.Equal(1, work.Task(task).PutCount);
    }

    [Fact]
    public async Task UntrackedImport_FirstApplyWithRefresh_WarnsAboutTheFieldThePlatformHolds()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = simulator.CreateTask(work.Account, initialBody: CurlSeed);
        var import = await work.RunAsync(["import", ApplyWorkspace.ManifestDir, "--user-id", task.UserId, "--api-url", simulator.BaseAddress.ToString()]);
        Assert.True(import.ExitCode == 0, import.ToString());
        Edit(work, task.TaskId, ("  background_id: 123\n", ""));

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--refresh", "--api-url", simulator.BaseAddress.ToString()]);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Plan: 0 to update, 1 to adopt", plan.Out, StringComparison.Ordinal);
        Assert.Contains("background_id is set on the platform (read by --refresh) and is now omitted", plan.Out + plan.Error, StringComparison.Ordinal);
    }

    private static void Edit(ApplyWorkspace work, string taskId, params (string From, string To)[] edits)
    {
        var path = Path.Combine(work.Path, ApplyWorkspace.ManifestDir, "tasks", taskId + ".yaml");
        var yaml = File.ReadAllText(path);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(path, yaml);
    }
}

using System.Text.Json;
using Reconciler.Cli.Tests.Sources;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.TaskSets;

/// <summary>Sets through the commands: validate, plan in every format, apply, state list, and pull-request plans whose CSV changed.</summary>
public sealed class TaskSetCommandTests
{
    private const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    [Fact]
    public async Task ValidateAndPlan_ASetWithACsv_CountsAndShowsEveryTaskInEveryFormat()
    {
        using var work = SourceCliHarness.TempDirectory();
        work.Write("repo/tasks/reminders.yaml", TaskSetManifests.Set(UserId));
        work.Write("repo/tasks/reminders.csv", TaskSetManifests.Csv(["r-1", "r-2", "r-3"]));
        work.Write("repo/tasks/plain.yaml", SourceCliHarness.Manifest("p-1"));

        var (validateExit, validate, _) = await SourceCliHarness.RunAsync(work.Path, "validate", "repo");
        var (_, text, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "repo");
        var (_, json, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "repo", "--format", "json");
        var (_, markdown, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "repo", "--format", "markdown");
        var (_, github, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "repo", "--format", "github");

        Assert.Equal(0, validateExit);
        Assert.Contains("4 task manifest(s) valid in 2 file(s).", validate, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to update, 4 to adopt, 0 to unmanage, 0 invalid, 0 unchanged.", text, StringComparison.Ordinal);
        Assert.Contains("repo/tasks/reminders.csv", text, StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(json);
        var sets = plan.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("set").GetString()).ToList();
        Assert.Equal([null, "reminders", "reminders", "reminders"], sets);
        Assert.Contains("还款提醒-2", markdown, StringComparison.Ordinal);
        Assert.Contains("4 to adopt", github, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ErrorInACsvCell_IsReportedAtTheFileRowAndColumn()
    {
        using var work = SourceCliHarness.TempDirectory();
        work.Write("repo/tasks/reminders.yaml", TaskSetManifests.Set(UserId));
        work.Write("repo/tasks/reminders.csv", "task_id,name,maximumcall\nr-1,甲,2\nr-2,乙,0\n");

        var (exit, output, error) = await SourceCliHarness.RunAsync(work.Path, "validate", "repo");
        var (_, annotations, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "repo", "--format", "github");

        Assert.Equal(1, exit);
        Assert.Contains("repo/tasks/reminders.csv:3:7: error: must be at least 1 (/spec/maximumcall)", error, StringComparison.Ordinal);
        Assert.Contains("1 invalid, 1 valid task manifest(s) in 1 file(s).", output, StringComparison.Ordinal);
        Assert.Contains("::error file=repo/tasks/reminders.csv,line=3,col=7::", annotations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ASet_SendsEachTaskOnceThenNothingAndStateListNamesTheSet()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = SetWorkspace.Create(work, 5);

        var first = await work.ApplyAsync();
        var second = await work.ApplyAsync();
        var list = await work.RunAsync(["state", "list", "--state", ApplyWorkspace.StateFile]);
        var listJson = await work.RunAsync(["state", "list", "--state", ApplyWorkspace.StateFile, "--format", "json"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Apply: 5 applied, 0 blocked (running), 0 rejected, 0 failed.", first.Out, StringComparison.Ordinal);
        Assert.Contains("No changes", second.Out, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(1, work.Task(t).PutCount));
        Assert.Contains("  tasks/reminders.yaml (set reminders)", list.Out, StringComparison.Ordinal);
        Assert.All(JsonDocument.Parse(listJson.Out).RootElement.EnumerateArray(), e => Assert.Equal("reminders", e.GetProperty("set").GetString()));
        Assert.Equal("还款提醒-3", JsonDocument.Parse(work.Task(tasks[3]).Body!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Apply_TargetASet_SendsOnlyItsTasks()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var inSet = Enumerable.Range(0, 3).Select(_ => simulator.CreateTask(work.Account)).ToList();
        var other = work.AddTask("other.yaml");
        work.WriteFile("manifests/tasks/reminders.yaml", TaskSetManifests.Set(work.Account.UserId));
        work.WriteFile("manifests/tasks/reminders.csv", TaskSetManifests.Csv(inSet.Select(t => t.TaskId)));

        var apply = await work.ApplyAsync("--target", "reminders");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.All(inSet, t => Assert.Equal(1, work.Task(t).PutCount));
        Assert.Equal(0, work.Task(other).PutCount);
    }

    [Fact]
    public async Task Plan_BaseRevision_AChangedCsvInAPullRequestPlansTheChangedRows()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/reminders.yaml", TaskSetManifests.Set(UserId)).Write("tasks/reminders.csv", TaskSetManifests.Csv(["r-1", "r-2", "r-3"]));
        var baseCommit = remote.CommitAndPush("base");
        remote.Write("tasks/reminders.csv", TaskSetManifests.Csv(["r-1", "r-2", "r-4"], i => i == 1 ? "还款提醒-改" : $"还款提醒-{i}"));
        remote.Commit("the pull request: r-2 renamed, r-3 removed, r-4 added");

        var (exit, output, _) = await SourceCliHarness.RunAsync(remote.WorkPath, "plan", "tasks", "--base", baseCommit, "--detailed-exitcode");
        var (_, json, _) = await SourceCliHarness.RunAsync(remote.WorkPath, "plan", "tasks", "--base", baseCommit, "--format", "json");

        Assert.Equal(2, exit);
        Assert.Contains("Plan: 1 to update, 1 to adopt, 1 to unmanage, 0 invalid, 1 unchanged.", output, StringComparison.Ordinal);
        Assert.Contains("~ name: \"还款提醒-1\" → \"还款提醒-改\"", output, StringComparison.Ordinal);
        using var plan = JsonDocument.Parse(json);
        Assert.All(plan.RootElement.GetProperty("entries").EnumerateArray(), e => Assert.Equal("reminders", e.GetProperty("set").GetString()));
    }

    [Fact]
    public async Task Plan_RepoAtAnOlderCommit_ReadsTheCsvOfThatCommit()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/reminders.yaml", TaskSetManifests.Set(UserId)).Write("tasks/reminders.csv", TaskSetManifests.Csv(["r-1"], _ => "旧名"));
        var older = remote.CommitAndPush("older");
        remote.Write("tasks/reminders.csv", TaskSetManifests.Csv(["r-1"], _ => "新名"));
        remote.CommitAndPush("newer");
        using var work = SourceCliHarness.TempDirectory();

        var (_, json, _) = await SourceCliHarness.RunAsync(work.Path, "plan", "--repo", remote.FileUrl, "--ref", older, "--format", "json");

        using var plan = JsonDocument.Parse(json);
        var entry = Assert.Single(plan.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("旧名", entry.GetProperty("name").GetString());
        Assert.Equal(older, plan.RootElement.GetProperty("revision").GetString());
    }
}

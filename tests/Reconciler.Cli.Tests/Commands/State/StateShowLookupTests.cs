using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands.State;

/// <summary><c>state show TASK</c> for people: the body indented, one field a line, and TASK as <c>--target</c> takes it (id, file, or name).</summary>
public sealed class StateShowLookupTests
{
    [Fact]
    public async Task StateShow_Text_PrintsTheBodyIndentedOneFieldALineWithNoLiteralLineBreaks()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "续费提醒"));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        var shown = await work.RunAsync(["state", "show", task.TaskId, "--state", ApplyWorkspace.StateFile]);

        Assert.True(shown.ExitCode == 0, shown.ToString());
        var lines = shown.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var body = lines.SkipWhile(l => l != "{").TakeWhile(l => l != "attempts (newest first):").ToList();
        Assert.True(body.Count > 20, shown.Out); // one field a line, not one line
        Assert.Equal("}", body[^1]);
        Assert.Contains("  \"maximumcall\": 2,", body);
        Assert.Contains("    \"pop_mode\": 1,", body); // task_extras, one level deeper
        Assert.Contains("  \"name\": \"续费提醒\",", body); // Chinese as written, not \uXXXX
        Assert.DoesNotContain("\\n", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateShow_TakesATaskNameOrAManifestFile_AndAnAmbiguousNameListsTheCandidates()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var single = work.AddTask("a.yaml", SampleBodies.V2(name: "续费提醒"));
        var first = work.AddTask("b.yaml", SampleBodies.V2(name: "同名任务"));
        var second = work.AddTask("c.yaml", SampleBodies.V2(name: "同名任务"));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        string[] state = ["--state", ApplyWorkspace.StateFile];

        var byName = await work.RunAsync(["state", "show", "续费提醒", .. state]);
        var byFile = await work.RunAsync(["state", "show", $"{ApplyWorkspace.ManifestDir}/tasks/b.yaml", .. state]);
        var byRecordedPath = await work.RunAsync(["state", "show", "tasks/c.yaml", .. state]);
        var ambiguous = await work.RunAsync(["state", "show", "同名任务", .. state]);
        var unknown = await work.RunAsync(["state", "show", "no-such-task", .. state]);
        var history = await work.RunAsync(["state", "history", "--task", "续费提醒", .. state]);

        Assert.True(byName.ExitCode == 0, byName.ToString());
        Assert.StartsWith($"task      {single}", byName.Out, StringComparison.Ordinal);
        Assert.True(byFile.ExitCode == 0, byFile.ToString());
        Assert.StartsWith($"task      {first}", byFile.Out, StringComparison.Ordinal);
        Assert.True(byRecordedPath.ExitCode == 0, byRecordedPath.ToString());
        Assert.StartsWith($"task      {second}", byRecordedPath.Out, StringComparison.Ordinal);
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("'同名任务' matches 2 tasks: write USER_ID/TASK_ID of one of them:", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains($"{first} (同名任务, tasks/b.yaml)", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains($"{second} (同名任务, tasks/c.yaml)", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'no-such-task' matches no task in the state", unknown.Error, StringComparison.Ordinal);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.All(history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(single.ToString(), l, StringComparison.Ordinal));
    }
}

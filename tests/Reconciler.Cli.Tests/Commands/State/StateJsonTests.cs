using System.Globalization;
using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands.State;

/// <summary><c>state show</c> and <c>state forget</c> with <c>--format json</c>: a script gets what a person reads in the text.</summary>
public sealed class StateJsonTests
{
    [Fact]
    public async Task StateShow_FormatJson_CarriesEveryFactTheTextShows()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml", SampleBodies.V2(name: "状态查看"));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        // A second apply whose answer is lost: the task is in doubt, with two attempts behind it.
        work.WriteManifest("a.yaml", task, SampleBodies.V2(name: "状态查看-2"));
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DropAfterProcessing) { TaskId = task.TaskId, Operation = ApiOperation.UpdateTask });
        work.Environment["RECONCILER_API_MAX_RETRIES"] = "0";
        Assert.Equal(1, (await work.ApplyAsync()).ExitCode);
        string[] state = ["--state", ApplyWorkspace.StateFile];

        var text = await work.RunAsync(["state", "show", task.TaskId, .. state]);
        var json = await work.RunAsync(["state", "show", task.TaskId, .. state, "--format", "json"]);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        string Field(string name) => lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[10..];
        var shown = JsonDocument.Parse(json.Out).RootElement;

        Assert.Equal(task.ToString(), Field("task"));
        Assert.Equal(task.UserId, shown.GetProperty("user_id").GetString());
        Assert.Equal(task.TaskId, shown.GetProperty("task_id").GetString());
        Assert.Equal("状态查看", Field("name"));
        Assert.Equal("状态查看", shown.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal(Field("file"), shown.GetProperty("file").GetString());
        Assert.Equal(Field("body"), shown.GetProperty("body_hash").GetString());
        var appliedAt = DateTimeOffset.Parse(shown.GetProperty("applied_at").GetString()!, CultureInfo.InvariantCulture);
        var revision = shown.GetProperty("revision").ValueKind == JsonValueKind.Null ? "-" : shown.GetProperty("revision").GetString();
        Assert.Equal($"{appliedAt.UtcDateTime:u} at revision {revision}", Field("applied"));

        // In doubt: the text's line and the JSON object name the same request.
        var doubt = shown.GetProperty("in_doubt");
        var since = DateTimeOffset.Parse(doubt.GetProperty("since").GetString()!, CultureInfo.InvariantCulture);
        Assert.Contains(
            $"IN DOUBT  since {since.UtcDateTime:u}: the answer to the request with body {doubt.GetProperty("body_hash").GetString()} was never received",
            text.Out,
            StringComparison.Ordinal);
        Assert.NotEqual(shown.GetProperty("body_hash").GetString(), doubt.GetProperty("body_hash").GetString());

        // The attempts, newest first, in both.
        var attemptLines = lines.SkipWhile(l => l != "attempts (newest first):").Skip(1).ToList();
        var attempts = shown.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attemptLines.Count, attempts.Count);
        for (var i = 0; i < attempts.Count; i++)
        {
            var at = DateTimeOffset.Parse(attempts[i].GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
            Assert.StartsWith($"  {at.UtcDateTime:u}  {task}  {attempts[i].GetProperty("outcome").GetString()}", attemptLines[i], StringComparison.Ordinal);
        }

        Assert.Equal("applied", attempts[1].GetProperty("outcome").GetString());
        Assert.Equal(200, attempts[1].GetProperty("api_code").GetInt32());
        Assert.Contains("[code 200]", attemptLines[1], StringComparison.Ordinal);
        Assert.NotEqual("applied", attempts[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task StateForget_FormatJson_NamesTheTaskAndSaysThePlatformWasNotTouched()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var kept = work.AddTask("a.yaml");
        var forgotten = work.AddTask("b.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        string[] state = ["--state", ApplyWorkspace.StateFile];

        var text = await work.RunAsync(["state", "forget", kept.TaskId, .. state]);
        var json = await work.RunAsync(["state", "forget", forgotten.TaskId, .. state, "--format", "json"]);

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal($"Forgot {kept}: no longer managed; the platform was not touched.", text.Out.Trim());
        var shown = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(
            ["user_id", "task_id", "forgotten", "platform_touched"],
            shown.EnumerateObject().Select(p => p.Name));
        Assert.Equal(forgotten.UserId, shown.GetProperty("user_id").GetString());
        Assert.Equal(forgotten.TaskId, shown.GetProperty("task_id").GetString());
        Assert.True(shown.GetProperty("forgotten").GetBoolean());
        Assert.False(shown.GetProperty("platform_touched").GetBoolean());
        Assert.Empty(await work.StateAsync());
        Assert.Equal(1, work.Task(forgotten).PutCount);
    }
}

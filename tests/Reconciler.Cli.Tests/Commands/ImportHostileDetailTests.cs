using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Validation;
using Reconciler.Files;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Detail answers written to attack the import: nothing they hold becomes YAML structure, an identity, or raw terminal output.</summary>
public sealed class ImportHostileDetailTests
{
    private const string Planted = "evil\n---\napiVersion: tasks/v2\nkind: Task\nmetadata: {user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc, task_id: HIJACKED}\nspec: {name: HIJACKED}\n# ";

    [Fact]
    public async Task Import_DetailWithNewlineKeysDocumentMarkersAndEscapes_WritesOneDocumentAndTracksOnlyTheRequestedTask()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("victim");
        bench.AddTask("plain");
        bench.Platform.DetailHook = (context, taskId) => taskId == "victim" ? Hostile(context) : Task.FromResult(false);

        var import = await bench.ImportAsync("--track", "--state", "state.db");
        var list = await bench.RunAsync(["state", "list", "--state", "state.db", "--format", "json"]);
        var plan = await bench.RunAsync(["plan", "repo", "--state", "state.db", "--detailed-exitcode"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.DoesNotContain(import.Out + import.Error, c => c is '\u001B' or '\u0007');
        var yaml = File.ReadAllText(bench.File("tasks/victim.yaml"));
        Assert.DoesNotContain("\n---", yaml, StringComparison.Ordinal);
        var comment = Assert.Single(yaml.Split('\n'), l => l.StartsWith("# Detail fields not imported (not tasks/v2 body fields; docs/live-platform.md): ", StringComparison.Ordinal));
        Assert.Contains(@"task_extras.evil\n---\napiVersion: tasks/v2\nkind: Task\nmet…, evil\n---\napiVersion", comment, StringComparison.Ordinal);
        Assert.Contains(@"\x1B]0;title\x07", comment, StringComparison.Ordinal);
        Assert.Contains(@"name: ""受害任务\x1B[2J\x1B]0;pwned\x07""", yaml, StringComparison.Ordinal);
        Assert.Equal(["plain", "victim"], JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(t => t.GetProperty("task_id").GetString()).Order(StringComparer.Ordinal));
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, 2 unchanged.", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IdsWithTerminalEscapesFromTheList_AreShownEscapedAndNeverMadeAManifest()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("evil\u001B[31m\nid");
        bench.AddTask("plain");

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.DoesNotContain(import.Out + import.Error, c => c == '\u001B');
        Assert.Contains(@"task evil\x1B[31m\nid: tasks/evil_1B_5B31m_0Aid.yaml was written but is invalid", import.Error, StringComparison.Ordinal);
        Assert.Contains("imported  5832d184-dd53-42a0-8ace-0bf8d660f4cc/plain → tasks/plain.yaml", import.Out, StringComparison.Ordinal);
        Assert.Contains("Import: 2 written, 1 valid", import.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NamesWithPathsMarkupAndYamlSyntax_AreDataInTheFileNeverItsNameOrStructure()
    {
        await using var bench = await ImportBench.StartAsync();
        string[] names =
        [
            "../../etc/passwd", "C:\\Windows\\任务", "---\n- a: b", "key: value # comment", "*alias &anchor !!binary", "{\"a\": [1]}",
            "'quoted' \"double\"", "<script>alert(1)</script>", "[link](javascript:x) @team #1", "\u2028line\u2029sep\u202Eevil", " padded ",
        ];
        for (var i = 0; i < names.Length; i++)
        {
            var body = (JsonObject)JsonNode.Parse(ImportableBodies.V2("x"))!;
            body["name"] = names[i];
            bench.AddTask($"named-{i}", body: body.ToJsonString());
        }

        var import = await bench.ImportAsync("--track", "--state", "state.db");
        var plan = await bench.RunAsync(["plan", "repo", "--state", "state.db", "--detailed-exitcode", "--format", "json"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(names.Select((_, i) => $"named-{i}.yaml").Order(StringComparer.Ordinal), Directory.GetFiles(bench.File("tasks")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(plan.ExitCode == 0, plan.ToString());
        var desired = new ManifestPipeline().Evaluate(new DirectorySource(bench.Repo).Read());
        Assert.Empty(desired.Invalid);
        Assert.Equal(names, desired.Tasks.OrderBy(t => int.Parse(t.Identity.TaskId["named-".Length..], CultureInfo.InvariantCulture)).Select(t => t.Body.ToNode()!["name"]!.GetValue<string>()));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Import_A100MegabyteDetailAnswer_FailsThatTaskAloneAndIsNotReadWhole()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("huge");
        bench.AddTask("plain");
        bench.Platform.DetailHook = async (context, taskId) =>
        {
            if (taskId != "huge")
            {
                return false;
            }

            context.Response.ContentType = "application/json";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            try
            {
                await context.Response.WriteAsync("""{"code":200,"data":{"name":" """, context.RequestAborted);
                for (var i = 0; i < 1600; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client stopped reading.
            }

            return true;
        };

        var started = TimeProvider.System.GetTimestamp();
        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("reconciler: error: task huge: its detail could not be read", import.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(bench.File("tasks/plain.yaml")), import.ToString());
        // Bounded on our side: the client keeps at most 4 MiB of an answer (TaskApiOptions.MaxResponseBytes) and fails the
        // task; how much of the rest the socket swallowed before it closed is the platform's cost, not ours.
        Assert.True(import.Error.Contains("4194304", StringComparison.Ordinal) || import.Error.Contains("4 MiB", StringComparison.Ordinal), import.Error);
        Assert.DoesNotContain("aaaaaaaa", import.Out + import.Error, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(60));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Import_ASlowDetailAnswer_FailsThatTaskAloneWithinTheAttemptTimeout()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.Environment["RECONCILER_API_ATTEMPT_TIMEOUT_MS"] = "300";
        bench.Environment["RECONCILER_API_MAX_RETRIES"] = "0";
        bench.AddTask("slow");
        bench.AddTask("plain");
        bench.Platform.DetailHook = async (context, taskId) =>
        {
            if (taskId == "slow")
            {
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return taskId == "slow";
        };
        var started = TimeProvider.System.GetTimestamp();

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("task slow: its detail could not be read: no answer within 0.3 s", import.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(bench.File("tasks/plain.yaml")), import.ToString());
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30));
    }

    /// <summary>The stored body plus keys that try to end a YAML comment and start a document, at every level.</summary>
    private static async Task<bool> Hostile(HttpContext context)
    {
        var data = (JsonObject)JsonNode.Parse(ImportableBodies.V2("受害任务"))!;
        data["name"] = "受害任务\u001B[2J\u001B]0;pwned\u0007";
        data[Planted] = 1;
        data["\u001B]0;title\u0007"] = 2;
        ((JsonObject)data["task_extras"]!)[Planted] = 3;
        data["new_task_extra"] = new JsonObject { ["enable"] = false, [Planted] = 4 };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["code"] = 200, ["status"] = "success", ["data"] = data }.ToJsonString(), context.RequestAborted);
        return true;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>--track tracks each imported task or says, per task, why it did not; any gap is exit 1.</summary>
public sealed class ImportTrackTests
{
    [Fact]
    public async Task Track_ATaskWhoseDetailCannotBeRead_TracksTheOthersAndExitsOne()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("good");
        bench.AddTask("broken");
        bench.Platform.DetailHook = async (context, taskId) =>
        {
            if (taskId != "broken")
            {
                return false;
            }

            // 404, not 403: a refused token is the platform's failure and stops the run's reads (issue 19).
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("<html><title>not here</title></html>", context.RequestAborted);
            return true;
        };

        var import = await bench.ImportAsync("--track", "--state", "state.db");
        var list = await bench.RunAsync(["state", "list", "--state", "state.db", "--format", "json"]);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("reconciler: error: task broken: its detail could not be read", import.Error, StringComparison.Ordinal);
        Assert.Contains("Tracked 1 task(s) as last applied, with the bodies the platform reported (nothing was sent).", import.Out, StringComparison.Ordinal);
        Assert.Contains("reconciler: error: --track: 1 task(s) were not tracked (each is named above with the reason)", import.Error, StringComparison.Ordinal);
        Assert.Equal(["good"], JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(t => t.GetProperty("task_id").GetString()));
    }

    [Fact]
    public async Task Track_AnImportThatBreaksARule_IsWrittenNotTrackedAndSaysWhy()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("odd", body: ImportableBodies.V2("三条并发", maximumCall: 3)); // two lines: 3 does not divide
        bench.AddTask("good");

        var import = await bench.ImportAsync("--track", "--state", "state.db");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("task odd: tasks/odd.yaml was written but is invalid: fix it, then plan (it is not tracked)", import.Error, StringComparison.Ordinal);
        Assert.Contains("tasks/odd.yaml:", import.Error, StringComparison.Ordinal);
        Assert.Contains("Import: 2 written, 1 valid", import.Out, StringComparison.Ordinal);
        Assert.Contains("Tracked 1 task(s)", import.Out, StringComparison.Ordinal);
        Assert.Contains("--track: 1 task(s) were not tracked", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_WhenTheStateCannotBeOpened_FailsLoudly()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("good");
        Directory.CreateDirectory(Path.Combine(bench.Path, "state-is-a-folder"));

        var import = await bench.ImportAsync("--track", "--state", "state-is-a-folder");

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith("reconciler: error:", import.Error.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("Tracked", import.Out, StringComparison.Ordinal);
    }
}

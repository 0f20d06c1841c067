using System.Globalization;
using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Onboarding an account with thousands of tasks, as a team adopting the reconciler would: the whole list read page
/// after page, one file per task, every one tracked, and the first plan and apply afterwards send nothing.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ImportScaleTests(ITestOutputHelper output)
{
    private const int Tasks = 2_500;

    [Fact]
    public async Task Import_2500TasksWithTrack_ListsEveryPageTracksEveryTaskAndTheNextApplySendsNothing()
    {
        await using var bench = await ImportBench.StartAsync();
        for (var i = 0; i < Tasks; i++)
        {
            bench.AddTask(Guid.CreateVersion7().ToString(), $"外呼任务-{i.ToString(CultureInfo.InvariantCulture)}");
        }

        var started = TimeProvider.System.GetTimestamp();
        var import = await bench.ImportAsync("--track", "--state", "state.db", "--parallelism", "16");
        output.WriteLine($"import --track of {Tasks} tasks: {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s"); // a figure, not asserted

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(Tasks / 100, bench.Platform.ListRequests - 1); // every page of the account's list, plus the sub-accounts' list once
        Assert.Contains($"Import: {Tasks} written, {Tasks} valid", import.Out, StringComparison.Ordinal);
        Assert.Contains($"Tracked {Tasks} task(s)", import.Out, StringComparison.Ordinal);
        Assert.Equal(Tasks, Directory.GetFiles(bench.File("tasks"), "*.yaml").Length);

        var list = await bench.RunAsync(["state", "list", "--state", "state.db", "--format", "json"]);
        var plan = await bench.RunAsync(["plan", "repo", "--state", "state.db", "--detailed-exitcode"]);
        var apply = await bench.RunAsync(["apply", "repo", "--state", "state.db", "--api-url", bench.Platform.BaseAddress.ToString(), "--auto-approve"]);

        Assert.Equal(Tasks, JsonDocument.Parse(list.Out).RootElement.GetArrayLength());
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains($"Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, {Tasks} unchanged.", plan.Out, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == 0, apply.Error);
        Assert.Equal(0, bench.Platform.Puts);
    }
}

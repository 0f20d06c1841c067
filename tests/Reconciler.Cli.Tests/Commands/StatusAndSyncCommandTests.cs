using System.Text.Json;
using Reconciler.Cli.Tests.Service;
using Reconciler.Cli.Tests.Support;
using Reconciler.Service.Configuration;
using Xunit;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>reconciler status</c> and <c>reconciler sync</c> against a real service on 127.0.0.1.</summary>
public sealed class StatusAndSyncCommandTests
{
    [Fact]
    public async Task Status_Text_IsATableWithTheBlockedTaskFirst()
    {
        await using var service = await RunningService.StartAsync(tasks: 2, running: 1);

        var result = await Cli(service, null, "status", "--server", service.Address.ToString());

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.StartsWith("Repo:", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Last run:", StringComparison.Ordinal) && l.Contains("2 applied, 1 blocked", StringComparison.Ordinal));
        var header = Array.FindIndex(lines, l => l.StartsWith("STATE", StringComparison.Ordinal));
        Assert.Matches(@"^STATE +NAME +TASK ID +FILE +MESSAGE$", lines[header]);
        Assert.StartsWith("blocked", lines[header + 1], StringComparison.Ordinal);
        Assert.Contains(service.Tasks[2].TaskId, lines[header + 1], StringComparison.Ordinal);
        Assert.Contains("not sent: the task detail reads status 3", lines[header + 1], StringComparison.Ordinal); // no PUT: no [6007]
        Assert.StartsWith("applied", lines[header + 2], StringComparison.Ordinal);

        // Columns line up by display width: the Chinese names take two columns a character.
        Assert.Equal(lines[header].IndexOf("TASK ID", StringComparison.Ordinal), Reconciler.Cli.Output.TextColumns.Width(lines[header + 1][..lines[header + 1].IndexOf(service.Tasks[2].TaskId, StringComparison.Ordinal)]));
        Assert.Contains("3 task(s), 1 need attention.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_JsonAndProblems_IsTheServicesStatusWithOnlyTheBlockedTask()
    {
        await using var service = await RunningService.StartAsync(tasks: 2, running: 1);

        var result = await Cli(service, null, "status", "--server", service.Address.ToString(), "--format", "json", "--problems");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var task = Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal(service.Tasks[2].TaskId, task.GetProperty("task_id").GetString());
        Assert.Contains("外呼任务-2", result.Out, StringComparison.Ordinal); // Chinese unescaped
    }

    [Fact]
    public async Task Status_NoServiceListening_FailsWithAClearMessage()
    {
        var result = await InProcessCli.RunAsync(Path.GetTempPath(), null, ["status", "--server", "http://127.0.0.1:9"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach the service at http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WithTheToken_RunsNowAndWaitPrintsThatRun()
    {
        await using var service = await RunningService.StartAsync(tasks: 2, running: 0);

        var result = await Cli(service, RunningService.SyncToken, "sync", "--server", service.Address.ToString(), "--wait", "--timeout", "60");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Sync requested", result.Out, StringComparison.Ordinal);
        Assert.Contains("Run (sync) at", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, service.App.Status.Runs);
        Assert.DoesNotContain(RunningService.SyncToken, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "RECONCILER_SYNC_TOKEN is not set")]
    [InlineData("not-the-token", "refused the token")]
    public async Task Sync_WithoutOrWithAWrongToken_FailsAndRunsNothing(string? token, string message)
    {
        await using var service = await RunningService.StartAsync(tasks: 1, running: 0);

        var result = await Cli(service, token, "sync", "--server", service.Address.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, service.App.Status.Runs);
    }

    [Fact]
    public async Task Sync_TokenOverPlainHttpToAnotherHost_IsRefusedBeforeSending()
    {
        var result = await InProcessCli.RunAsync(Path.GetTempPath(), new Dictionary<string, string> { [ServiceSettings.SyncTokenVariable] = "t0ken-t0ken" }, ["sync", "--server", "http://reconciler.example.com:8080"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refusing to send RECONCILER_SYNC_TOKEN over plain http", result.Error, StringComparison.Ordinal);
    }

    private static Task<CliResult> Cli(RunningService service, string? token, params string[] args) =>
        InProcessCli.RunAsync(Path.GetTempPath(), token is null ? null : new Dictionary<string, string> { [ServiceSettings.SyncTokenVariable] = token }, args, cancellationToken: service.Token);
}

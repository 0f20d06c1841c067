using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using Xunit;

namespace Reconciler.Cli.Tests.Processes;

/// <summary><c>reconciler run --log-format json</c>: one JSON object per line, with Chinese kept as Chinese.</summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class JsonLogProcessTests
{
    [Fact]
    public async Task RunProcess_JsonLogs_KeepChineseUnescaped()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // stopped with SIGTERM, a POSIX signal
        }

        await using var simulator = await SimulatorFixture.StartAsync();
        var account = simulator.CreateAccount();
        using var remote = new TestGitRemote();
        using var directory = new TestDirectory("json-logs");
        var task = simulator.CreateTask(account);
        remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(task, "外呼任务"));
        remote.Write("tasks/外呼任务-坏.yaml", ServiceManifests.Invalid(simulator.CreateTask(account)));
        remote.CommitAndPush("a task and a broken one");
        using var process = ReconcilerProcess.Start(
            directory.Path,
            new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = account.Token },
            "run", "--repo", remote.Url, "--state", directory.Combine("state.db"), "--api-url", simulator.BaseAddress.ToString(), "--listen", "127.0.0.1:0", "--log-format", "json");

        // The broken manifest is logged before the valid one is applied.
        await simulator.WaitUntilAsync(s => s.GetRequestLog().Any(r => r.Operation == ApiOperation.UpdateTask));
        process.Terminate();
        var result = await process.WaitAsync();

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, l => l.Contains("invalid manifest", StringComparison.Ordinal) && l.Contains("tasks/外呼任务-坏.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain("\\u5916", result.Out, StringComparison.OrdinalIgnoreCase);
    }
}

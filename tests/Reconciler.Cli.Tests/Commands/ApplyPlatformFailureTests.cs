using System.Diagnostics;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Cases 2 and 3 of issue 19: a platform that cannot be reached, or that refuses the token, stops the command at the
/// first answer with one error line (the URL, the token's variable, what to check) within seconds; nothing more is
/// sent, and a refused connection leaves nothing in doubt.
/// </summary>
public sealed class ApplyPlatformFailureTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private const int Tasks = 14;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Apply_PlatformDown_OneErrorLine_NothingInDoubt_WithinSeconds(bool noRunningCheck)
    {
        using var work = Workspace();
        var closed = $"http://127.0.0.1:{LoopbackPorts.Closed()}/";
        var clock = Stopwatch.StartNew();

        string[] args = ["apply", ApplyWorkspace.ManifestDir, "--api-url", closed, "--state", ApplyWorkspace.StateFile, "--auto-approve"];
        var result = await work.RunAsync(noRunningCheck ? [.. args, "--no-running-check"] : args);

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(Lines(result.Error));
        Assert.Contains($"the platform at {closed.TrimEnd('/')} cannot be reached", error, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_URL", error, StringComparison.Ordinal);
        Assert.DoesNotContain("in doubt", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("retrying", result.Out + result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        await using var store = await SqliteStateStore.OpenAsync(work.StatePath);
        Assert.Empty(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Empty(await store.LoadAppliedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_WrongToken_OneReadNoPut_OneErrorLineNamingTheVariable()
    {
        using var work = Workspace(out var identities);
        work.Environment["RECONCILER_API_TOKEN"] = "not-the-token";

        var result = await work.ApplyAsync("--parallelism", "1");

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(Lines(result.Error));
        Assert.Contains("refused the token from RECONCILER_API_TOKEN", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(0, work.Puts([.. identities]));
        Assert.Equal(1, identities.Sum(i => work.Task(i).DetailCount));
    }

    [Fact]
    public async Task Apply_WrongTokenWithoutRunningCheck_StopsAfterTheFirstPut()
    {
        using var work = Workspace(out var identities);
        work.Environment["RECONCILER_API_TOKEN"] = "not-the-token";

        var result = await work.ApplyAsync("--parallelism", "1", "--no-running-check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(Lines(result.Error));
        Assert.Equal(1, work.Puts([.. identities]));
    }

    [Fact]
    public async Task PlanRefresh_WrongToken_OneErrorLine()
    {
        using var work = Workspace(out var identities);
        work.Environment["RECONCILER_API_TOKEN"] = "not-the-token";

        var result = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--refresh", "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--parallelism", "1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("refused the token from RECONCILER_API_TOKEN", Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
        Assert.Equal(1, identities.Sum(i => work.Task(i).DetailCount));
    }

    [Fact]
    public async Task Import_PlatformDown_OneErrorLine()
    {
        using var work = Workspace();
        var closed = $"http://127.0.0.1:{LoopbackPorts.Closed()}/";

        var result = await work.RunAsync(["import", ".", "--user-id", work.Account.UserId, "--api-url", closed]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("cannot be reached", Assert.Single(Lines(result.Error)), StringComparison.Ordinal);
    }

    private ApplyWorkspace Workspace() => Workspace(out _);

    private ApplyWorkspace Workspace(out List<TaskIdentity> identities)
    {
        var work = new ApplyWorkspace(simulator);
        identities = Enumerable.Range(0, Tasks).Select(i => work.AddTask($"t{i:00}.yaml")).ToList();
        return work;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using Reconciler.Cli.Tests.Support;
using Reconciler.Core.State;
using Reconciler.State;
using Reconciler.Testing.Git;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Case 4 of issue 19: a state is bound to its endpoint by its first recorded answer, not by a run that reached
/// nothing; a state without records follows the endpoint in use silently; a refusal names the state file.
/// </summary>
public sealed class ApplyStateBindingTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_AfterARunThatReachedNothing_UsesTheRightUrlWithoutRebind()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        var closed = $"http://127.0.0.1:{LoopbackPorts.Closed()}/";

        var down = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", closed, "--state", ApplyWorkspace.StateFile, "--auto-approve", "--no-running-check"]);
        Assert.True(down.ExitCode == 1, down.ToString());
        Assert.Null(await EndpointAsync(work));

        var right = await work.ApplyAsync();

        Assert.True(right.ExitCode == 0, right.ToString());
        Assert.DoesNotContain("re-bound", right.Error, StringComparison.Ordinal);
        Assert.Equal(1, work.Task(identity).AppliedCount);
        Assert.Equal(StateEndpoint.Normalize(simulator.BaseAddress), await EndpointAsync(work));
    }

    [Fact]
    public async Task Apply_AfterAWrongTokenRun_UsesTheStateWithTheRightToken()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        var token = work.Environment["RECONCILER_API_TOKEN"];
        work.Environment["RECONCILER_API_TOKEN"] = "not-the-token";
        Assert.Equal(1, (await work.ApplyAsync("--no-running-check")).ExitCode);

        work.Environment["RECONCILER_API_TOKEN"] = token;
        var right = await work.ApplyAsync();

        Assert.True(right.ExitCode == 0, right.ToString());
        Assert.Equal(1, work.Task(identity).AppliedCount);
    }

    [Fact]
    public async Task Apply_DefaultStateWithRecordsOfAnotherEndpoint_IsRefusedNamingTheFile()
    {
        using var work = new ApplyWorkspace(simulator);
        work.AddTask("a.yaml");
        Assert.Equal(0, (await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--auto-approve"])).ExitCode);
        var closed = $"http://127.0.0.1:{LoopbackPorts.Closed()}/";

        var refused = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", closed, "--auto-approve"]);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("state store '.reconciler/state.db' cannot be used here", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'the state'", refused.Error, StringComparison.Ordinal);
    }

    private static async Task<string?> EndpointAsync(ApplyWorkspace work)
    {
        await using var store = await SqliteStateStore.OpenAsync(work.StatePath);
        return await store.ReadEndpointAsync(CancellationToken.None);
    }
}

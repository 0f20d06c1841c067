using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>The API token never reaches stdout, stderr (where log lines go) or the state files, whatever happens.</summary>
public sealed class ApplySecretTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_FailuresRetriesAndAuthErrors_NeverPrintOrStoreTheToken()
    {
        using var work = new ApplyWorkspace(simulator);
        var token = work.Account.Token;
        work.Environment["RECONCILER_API_MAX_RETRIES"] = "1";
        var applied = work.AddTask("a-ok.yaml");
        var failing = work.AddTask("b-failing.yaml");
        var dropped = work.AddTask("c-dropped.yaml");
        var rejected = simulator.CreateTask(work.Account, TaskFlavour.V2);
        work.WriteManifest("d-rejected.yaml", rejected, SampleBodies.Legacy(), "tasks/v2-legacy");
        // Another account that does not know this token: every request for it is answered 401.
        var stranger = simulator.CreateAccount();
        var unauthorized = simulator.CreateTask(stranger);
        work.WriteManifest("e-unauthorized.yaml", unauthorized, SampleBodies.V2());
        Enqueue(failing, FaultKind.InternalServerError, 2);
        Enqueue(dropped, FaultKind.DropConnection, 2);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Apply: 1 applied, 0 blocked (running), 1 rejected, 2 failed, 1 not sent.", result.Out, StringComparison.Ordinal); // the stranger account: its token refused on the read, said once
        Assert.Contains("retrying", result.Error, StringComparison.Ordinal); // log lines were written, and checked below
        Assert.Equal(1, work.Task(applied).AppliedCount);
        AssertNowhere(token, result, Path.GetDirectoryName(work.StatePath)!);
    }

    [Fact]
    public async Task Apply_EmbeddedSimulatorQuickStart_NeverPrintsOrStoresTheToken()
    {
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");
        const string token = "tok-QUICKSTART-5ecret-d1stinct1ve-9f3b2a";
        var environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = token };

        var result = await InProcessCli.RunAsync(directory.Path, environment, ["apply", "sample-repo", "--simulator", "--auto-approve"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNowhere(token, result, directory.Combine(".reconciler"), "simulator.db");
    }

    private static void AssertNowhere(string token, CliResult result, string stateDirectory, string stateFile = "state.db")
    {
        SecretAssert.NotPrinted(token, result);
        var files = SecretAssert.NotInFiles(token, stateDirectory);
        Assert.Contains(stateFile, files);
        Assert.Contains(stateFile + ".lock", files);
    }

    private void Enqueue(Core.Manifests.TaskIdentity identity, FaultKind kind, int count) =>
        simulator.State.EnqueueFault(new QueuedFault(kind, count) { TaskId = identity.TaskId, Operation = ApiOperation.UpdateTask });
}

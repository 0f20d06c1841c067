using System.Text.Json.Nodes;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Processes.SavedPlans;

/// <summary>
/// Three tasks applied once (a, b, c), then a and b changed (maximumcall 2 → 4) and planned with <c>--out plan.out</c>
/// by the CLI as a process. The simulator is the test's own, so its request log holds this test's requests only.
/// </summary>
internal sealed class SavedPlanWorld : IAsyncDisposable
{
    public const string PlanFile = "plan.out";

    private SavedPlanWorld(SimulatorFixture simulator, ApplyWorkspace work, string state)
    {
        Simulator = simulator;
        Work = work;
        State = state;
    }

    /// <summary>The state every command here names: the workspace's SQLite file, or a PostgreSQL URL.</summary>
    public string State { get; }

    public SimulatorFixture Simulator { get; }

    public ApplyWorkspace Work { get; }

    public TaskIdentity A { get; private set; } = null!;

    public TaskIdentity B { get; private set; } = null!;

    public TaskIdentity C { get; private set; } = null!;

    public string Api => Simulator.BaseAddress.ToString();

    /// <summary>PUT requests the simulator has received so far (whatever their outcome).</summary>
    public int Puts => Simulator.State.GetRequestLog().Count(e => e.Method == "PUT");

    /// <summary>Applied once, then a and b changed, not yet planned.</summary>
    public static async Task<SavedPlanWorld> StartAsync(string state = ApplyWorkspace.StateFile)
    {
        var simulator = await SimulatorFixture.StartAsync();
        var world = new SavedPlanWorld(simulator, new ApplyWorkspace(simulator), state);
        world.A = world.Work.AddTask("a.yaml");
        world.B = world.Work.AddTask("b.yaml");
        world.C = world.Work.AddTask("c.yaml");
        var first = await world.ApplyAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        world.Change(world.A, 4);
        world.Change(world.B, 4);
        return world;
    }

    public void Change(TaskIdentity task, int maximumcall) =>
        Work.WriteManifest(File(task), task, SampleBodies.V2(name: $"任务-{Path.GetFileNameWithoutExtension(File(task))}", maximumCall: maximumcall));

    public string File(TaskIdentity task) => task == A ? "a.yaml" : task == B ? "b.yaml" : "c.yaml";

    /// <summary>An ordinary apply of the manifests (in-process: it only sets the scene), plus <paramref name="extra"/>.</summary>
    public Task<CliResult> ApplyAsync(params string[] extra) =>
        Work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", Api, "--state", State, "--auto-approve", .. extra]);

    /// <summary><c>reconciler plan manifests --state STATE --out plan.out</c> plus <paramref name="extra"/>, as a process.</summary>
    public async Task<CliResult> PlanAsync(params string[] extra)
    {
        var plan = await RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", State, "--api-url", Api, "--out", PlanFile, .. extra]);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        return plan;
    }

    /// <summary><c>reconciler apply plan.out --api-url SIM --auto-approve</c> plus <paramref name="extra"/>, as a process.</summary>
    public Task<CliResult> ApplyPlanAsync(params string[] extra) =>
        RunAsync(["apply", PlanFile, "--auto-approve", .. extra.Contains("--api-url") ? extra : ["--api-url", Api, .. extra]]);

    public Task<CliResult> RunAsync(string[] args) => ReconcilerProcess.RunAsync(Work.Path, Work.Environment, args);

    /// <summary>The saved plan's entry for a task: its body is what must be sent, byte for byte.</summary>
    public JsonObject Entry(TaskIdentity task) =>
        (JsonObject)SavedPlanJson()["plan"]!["entries"]!.AsArray().Single(e => e!["task_id"]!.GetValue<string>() == task.TaskId)!;

    public JsonObject SavedPlanJson() => (JsonObject)JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Work.Path, PlanFile)))!;

    public async ValueTask DisposeAsync()
    {
        Work.Dispose();
        await ((IAsyncDisposable)Simulator).DisposeAsync();
    }
}

using System.Text.Json.Nodes;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.Testing.Platform;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Apply → import → plan against the same platform: each of the API document's 14 request examples comes back as
/// exactly the body applied, so the plan has 0 changes and nothing is sent — against the simulator, and against a
/// fake platform written apart from it whose detail is exactly the stored PUT body plus the detail-only fields.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ImportRoundTripTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    public static TheoryData<string, string> Seeds() => ApplySeedBodyTests.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RoundTrip_SeedBodyOnTheSimulator_ImportsEveryFieldAndPlansNoChange(string flavour, string language)
    {
        using var work = new ApplyWorkspace(simulator);
        var legacy = flavour == "v2-legacy";
        var identity = work.AddTask($"{language}.yaml", Seed(flavour, language), flavour: legacy ? TaskFlavour.V2Legacy : TaskFlavour.V2);

        await RoundTripAsync(work, identity, flavour, language, simulator.BaseAddress, () => work.Task(identity).PutCount);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RoundTrip_SeedBodyOnAnIndependentPlatform_ImportsEveryFieldAndPlansNoChange(string flavour, string language)
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var identity = new TaskIdentity(work.Account.UserId, Guid.NewGuid().ToString());
        platform.AddTask(identity.UserId, identity.TaskId, v2: flavour == "v2");
        work.WriteManifest($"{language}.yaml", identity, Seed(flavour, language), flavour == "v2" ? ApiFlavours.V2ApiVersion : ApiFlavours.V2LegacyApiVersion);

        await RoundTripAsync(work, identity, flavour, language, platform.BaseAddress, () => platform.PutsTo(identity.UserId, identity.TaskId));
    }

    private static async Task RoundTripAsync(ApplyWorkspace work, TaskIdentity identity, string flavour, string language, Uri api, Func<int> puts)
    {
        string[] target = ["--api-url", api.ToString()];
        var applied = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, .. target, "--state", ApplyWorkspace.StateFile, "--auto-approve"]);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(1, puts());

        var import = await work.RunAsync(["import", "imported", "--user-id", identity.UserId, "--task-id", identity.TaskId, .. target, "--state", "state/imported.db", "--track"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Import: 1 written, 1 valid", import.Out, StringComparison.Ordinal);
        // The independent platform's detail is richer than the simulator's (new_task_extra, run state, display names):
        // --track still tracks the task, never "0 valid" and exit 0 with nothing recorded.
        Assert.Contains("Tracked 1 task(s) as last applied", import.Out, StringComparison.Ordinal);
        var imported = new ManifestPipeline().Evaluate(new DirectorySource(Path.Combine(work.Path, "imported")).Read()).Tasks.Single();
        var seed = CanonicalBody.FromJson(Seed(flavour, language));
        Assert.Equal(seed, imported.Body);
        Assert.Equal(flavour == "v2" ? ApiFlavour.V2 : ApiFlavour.V2Legacy, imported.Flavour);
        Assert.True(LeafCount(seed.ToNode()) >= 8);

        // The imported files against the state of the first apply, and against the state the import recorded.
        var planApplied = await work.RunAsync(["plan", "imported", "--state", ApplyWorkspace.StateFile, "--detailed-exitcode"]);
        var planTracked = await work.RunAsync(["plan", "imported", "--state", "state/imported.db", "--detailed-exitcode"]);
        var apply = await work.RunAsync(["apply", "imported", .. target, "--state", ApplyWorkspace.StateFile, "--auto-approve", "--refresh"]);

        Assert.True(planApplied.ExitCode == 0, planApplied.ToString());
        Assert.Contains("Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, 1 unchanged.", planApplied.Out, StringComparison.Ordinal);
        Assert.True(planTracked.ExitCode == 0, planTracked.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("No changes: the platform matches the manifests.", apply.Out, StringComparison.Ordinal);
        Assert.Equal(1, puts());
    }

    private static string Seed(string flavour, string language) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "seed-bodies", flavour, language + ".json"));

    private static int LeafCount(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => LeafCount(p.Value)),
        JsonArray array => array.Count == 0 ? 1 : array.Sum(LeafCount),
        _ => 1,
    };
}

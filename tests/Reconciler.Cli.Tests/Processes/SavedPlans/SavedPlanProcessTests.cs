using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Processes.SavedPlans;

/// <summary>
/// <c>plan --out FILE</c> then <c>apply FILE</c>, the CLI as a real process against the simulator: the bodies sent are
/// the plan's byte for byte and nothing else is sent; every way a saved plan can go stale is refused with exit 1, a
/// message naming why (and every stale task), and not one PUT.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SavedPlanProcessTests
{
    [Fact]
    public async Task ApplySavedPlan_SendsThePlannedBodiesByteForByte_AndNothingElse()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();

        // After the plan, another manifest changes: not in the plan, so not sent.
        world.Change(world.C, 6);
        var before = (a: world.Work.Task(world.A).PutCount, b: world.Work.Task(world.B).PutCount, c: world.Work.Task(world.C).PutCount, all: world.Puts);

        var apply = await world.ApplyPlanAsync();

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("the manifests changed since the plan; only its 2 planned task(s) are checked and applied", apply.Error, StringComparison.Ordinal);
        Assert.Equal(before.all + 2, world.Puts);
        Assert.Equal((before.a + 1, before.b + 1, before.c), (world.Work.Task(world.A).PutCount, world.Work.Task(world.B).PutCount, world.Work.Task(world.C).PutCount));
        foreach (var task in new[] { world.A, world.B })
        {
            var planned = world.Entry(task)["body"]!.GetValue<string>();
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(planned), System.Text.Encoding.UTF8.GetBytes(world.Work.Task(task).Body!));
            Assert.Equal(world.Entry(task)["body_hash"]!.GetValue<string>(), (await world.Work.StateAsync())[task].Body.Hash);
        }
    }

    [Fact]
    public async Task ApplySavedPlan_StateChangedByAnotherApply_IsRefusedWithZeroPuts()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();
        world.Change(world.C, 6);
        var other = await world.ApplyAsync("--target", "manifests/tasks/c.yaml");
        Assert.True(other.ExitCode == 0, other.ToString());

        var refused = await RefusedAsync(world);

        Assert.Matches(@"  - the state changed since the plan \(serial \d+ → \d+\): another apply, a takeover, a forget or a rebind wrote to it\n", refused.Error);
    }

    [Fact]
    public async Task ApplySavedPlan_PlannedManifestsChanged_IsRefusedNamingEveryStaleTask()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();
        world.Change(world.A, 6);
        world.Work.DeleteManifest("b.yaml");

        var refused = await RefusedAsync(world);

        Assert.Contains($"  - {world.A} (任务-a): its manifest changed since the plan (tasks/a.yaml: body ", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"  - {world.B} (任务-b): its manifest is gone (was tasks/b.yaml)\n", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was sent (2 stale tasks):", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplySavedPlan_LastAppliedBodyChanged_IsRefusedNamingTheTask()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();

        // Someone applies another body for a, then puts the manifest back as planned: the manifest matches, the record does not.
        world.Change(world.A, 6);
        Assert.Equal(0, (await world.ApplyAsync("--target", "manifests/tasks/a.yaml")).ExitCode);
        world.Change(world.A, 4);

        var refused = await RefusedAsync(world);

        Assert.Contains($"  - {world.A} (任务-a): its last-applied body changed since the plan (", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{world.B} (任务-b):", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplySavedPlan_AnotherState_IsRefused()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();
        var other = await world.Work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", world.Api, "--state", "state/other.db", "--auto-approve"]);
        Assert.True(other.ExitCode == 0, other.ToString());

        var refused = await RefusedAsync(world, "--state", "state/other.db");

        Assert.Matches(@"  - it was made for another state \(store [0-9a-f]{32} at state/state\.db\); this state is store [0-9a-f]{32}\n", refused.Error);
    }

    [Fact]
    public async Task ApplySavedPlan_AnotherEndpoint_IsRefused()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();

        // Nothing listens on the discard port: the refusal comes before any request.
        var refused = await RefusedAsync(world, "--api-url", "http://127.0.0.1:9/");

        Assert.Contains($"  - it was made for the endpoint {Core.State.StateEndpoint.Normalize(world.Simulator.BaseAddress)}; this apply sends to http://127.0.0.1:9 (--api-url)\n", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplySavedPlan_AlteredFile_IsRefused()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();
        var path = Path.Combine(world.Work.Path, SavedPlanWorld.PlanFile);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("\\\"maximumcall\\\":4", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace("\\\"maximumcall\\\":4", "\\\"maximumcall\\\":8", StringComparison.Ordinal));

        var refused = await RefusedAsync(world);

        Assert.Contains("  - the file cannot be trusted: it was altered after it was written: its digest does not match what it holds\n", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplySavedPlan_OlderThanTheMaximumAge_IsRefused()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync();

        var refused = await RefusedAsync(world, "--max-plan-age", "1ms");

        Assert.Matches(@"  - it was made \d+ (ms|seconds) ago \([0-9-]+ [0-9:]+Z\), longer than the 1 ms a saved plan may wait \(--max-plan-age\)\n", refused.Error);
    }

    [Fact]
    public async Task ApplySavedPlan_MadeWithTarget_AppliesOnlyTheTarget()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync("--target", "manifests/tasks/a.yaml");
        var before = (a: world.Work.Task(world.A).PutCount, b: world.Work.Task(world.B).PutCount);

        var apply = await world.ApplyPlanAsync();

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Single(world.SavedPlanJson()["plan"]!["entries"]!.AsArray());
        Assert.Equal((before.a + 1, before.b), (world.Work.Task(world.A).PutCount, world.Work.Task(world.B).PutCount));
    }

    [Fact]
    public async Task ApplySavedPlan_MadeWithRefresh_LiveTaskChangedOnThePlatform_IsRefused()
    {
        await using var world = await SavedPlanWorld.StartAsync();
        await world.PlanAsync("--refresh");
        Assert.NotNull(world.Entry(world.A)["live_digest"]!.GetValue<string>());
        world.Simulator.EditAsConsole(world.A, """{"maximumcall": 6}""");

        var refused = await RefusedAsync(world);

        Assert.Contains($"  - {world.A} (任务-a): the live task changed on the platform since the plan (--refresh read it again)\n", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{world.B} (任务-b):", refused.Error, StringComparison.Ordinal);
    }

    /// <summary>Applies the saved plan and checks the refusal: exit 1, the refusal's first line, no PUT, no state written.</summary>
    private static async Task<CliResult> RefusedAsync(SavedPlanWorld world, params string[] extra)
    {
        var puts = world.Puts;
        var state = await world.Work.StateAsync();

        var apply = await world.ApplyPlanAsync(extra);

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains($"reconciler: error: the saved plan {SavedPlanWorld.PlanFile} was not applied, nothing was sent", apply.Error, StringComparison.Ordinal);
        Assert.Equal(puts, world.Puts);
        Assert.Equal(state.ToDictionary(r => r.Key, r => r.Value.Body.Hash), (await world.Work.StateAsync()).ToDictionary(r => r.Key, r => r.Value.Body.Hash));
        return apply;
    }
}

using Reconciler.Testing.Postgres;

namespace Reconciler.Cli.Tests.Processes.SavedPlans;

/// <summary>Saved plans against the shared PostgreSQL state: applied exactly, and refused with no PUT once another apply wrote to it.</summary>
[Trait("Category", "Slow")]
public sealed class SavedPlanPostgresProcessTests
{
    [PostgresFact]
    public async Task ApplySavedPlan_PostgresState_AppliesThePlannedBodies()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        await using var world = await SavedPlanWorld.StartAsync(schema.Url);
        await world.PlanAsync();
        Assert.Contains(schema.Url, world.SavedPlanJson()["plan"]!["state"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
        var puts = world.Puts;

        var apply = await world.ApplyPlanAsync();

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(puts + 2, world.Puts);
        Assert.Equal(world.Entry(world.A)["body"]!.GetValue<string>(), world.Work.Task(world.A).Body);
        Assert.Equal(world.Entry(world.B)["body_hash"]!.GetValue<string>(), await schema.ScalarAsync($"SELECT body_hash FROM tasks WHERE task_id = '{world.B.TaskId}';"));
    }

    [PostgresFact]
    public async Task ApplySavedPlan_PostgresStateChangedByAnotherApply_IsRefusedWithZeroPuts()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        await using var world = await SavedPlanWorld.StartAsync(schema.Url);
        await world.PlanAsync();
        world.Change(world.C, 6);
        Assert.Equal(0, (await world.ApplyAsync("--target", "manifests/tasks/c.yaml")).ExitCode);
        var puts = world.Puts;
        var serial = await schema.ScalarAsync("SELECT last_value FROM state_serial;");

        var apply = await world.ApplyPlanAsync();

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Matches(@"  - the state changed since the plan \(serial \d+ → \d+\)", apply.Error);
        Assert.Equal(puts, world.Puts);
        Assert.Equal(serial, await schema.ScalarAsync("SELECT last_value FROM state_serial;"));
    }
}

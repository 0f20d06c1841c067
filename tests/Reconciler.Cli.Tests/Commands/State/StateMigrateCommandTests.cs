using Reconciler.Cli.Tests.Support;
using Reconciler.State.Export;
using Reconciler.State.Postgres;
using Reconciler.Testing.Postgres;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Cli.Tests.Commands.State;

/// <summary><c>reconciler state migrate</c>: an SQLite state written by real applies moves to PostgreSQL record for record.</summary>
public sealed class StateMigrateCommandTests
{
    [Trait("Category", "Slow")] // applies, a migration and PostgreSQL
    [PostgresFact]
    public async Task Migrate_SqliteWrittenByApplies_KeepsEveryRecordAndApplyGoesOnFromPostgres()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        var applied = work.AddTask("a.yaml", SampleBodies.V2(name: "甲"));
        var lost = work.AddTask("b.yaml", SampleBodies.V2(name: "乙"));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);

        // A second apply whose answer for b is lost: b is in doubt, and the history has more rows.
        work.WriteManifest("b.yaml", lost, SampleBodies.V2(name: "乙2"));
        simulator.State.EnqueueFault(new QueuedFault(FaultKind.DropAfterProcessing) { TaskId = lost.TaskId, Operation = ApiOperation.UpdateTask });
        work.Environment["RECONCILER_API_MAX_RETRIES"] = "0";
        Assert.Equal(1, (await work.ApplyAsync()).ExitCode);
        var before = await SqliteStateExporter.ExportAsync(work.StatePath, CancellationToken.None);

        // The real command as a process, as an operator runs it.
        var migrated = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "state", "migrate", "--from", "sqlite:" + ApplyWorkspace.StateFile, "--to", schema.Url);

        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        Assert.Contains($"{before.Counts}; every table's count verified", migrated.Out, StringComparison.Ordinal);
        await using (var store = await PostgresStateStore.OpenAsync(PostgresConnectionSpec.Parse(schema.Url, _ => null)))
        {
            var after = await PostgresStateTransfer.ExportAsync(store, CancellationToken.None);
            Assert.Equal(before.Counts, after.Counts);
            Assert.Equal(before.Tasks.Select(t => (t.Identity, t.Body.Json, t.SourceFile)), after.Tasks.Select(t => (t.Identity, t.Body.Json, t.SourceFile)));
            Assert.Equal(before.Intents.Select(i => (i.Intent.Id, i.Intent.Identity, i.Intent.BodyHash, i.Outcome)), after.Intents.Select(i => (i.Intent.Id, i.Intent.Identity, i.Intent.BodyHash, i.Outcome)));
            Assert.Equal(before.Attempts.Select(a => (a.Id, a.IntentId, a.Attempt.Outcome, a.Attempt.Message)), after.Attempts.Select(a => (a.Id, a.IntentId, a.Attempt.Outcome, a.Attempt.Message)));
            Assert.Equal(before.Runs.Select(r => (r.Id, r.Run.Trigger, r.Run.Outcomes)), after.Runs.Select(r => (r.Id, r.Run.Trigger, r.Run.Outcomes)));
            Assert.Equal(before.Info.OrderBy(i => i.Key), after.Info.OrderBy(i => i.Key));
        }

        // Applying from PostgreSQL re-sends exactly the task in doubt, and nothing else.
        work.Environment.Remove("RECONCILER_API_MAX_RETRIES");
        var putsBefore = work.Puts(applied, lost);
        var again = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", schema.Url, "--auto-approve"]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(putsBefore + 1, work.Puts(applied, lost));
        Assert.Equal(1, work.Puts(applied));
    }

    [PostgresFact]
    public async Task Migrate_IntoAStoreThatHoldsRecords_IsRefused()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        work.AddTask("a.yaml", SampleBodies.V2(name: "甲"));
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        Assert.Equal(0, (await work.RunAsync(["state", "migrate", "--from", ApplyWorkspace.StateFile, "--to", schema.Url])).ExitCode);

        var twice = await work.RunAsync(["state", "migrate", "--from", ApplyWorkspace.StateFile, "--to", schema.Url]);

        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already holds records", twice.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WrongDirection_SaysWhatItDoes()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);

        var result = await work.RunAsync(["state", "migrate", "--from", "postgres://u@127.0.0.1/db", "--to", "sqlite:x.db"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("copies an SQLite file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_WithAPasswordInTheUrl_IsRefusedWithoutShowingIt()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        work.AddTask("a.yaml", SampleBodies.V2(name: "甲"));

        var result = await work.RunAsync(["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", "postgres://u:hunter2-secret@127.0.0.1/db", "--auto-approve"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RECONCILER_STATE_PASSWORD", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Empty(simulator.State.GetRequestLog());
    }
}

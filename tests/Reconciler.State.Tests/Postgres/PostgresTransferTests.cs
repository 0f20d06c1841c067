using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;
using Reconciler.State.Export;
using Reconciler.State.Postgres;
using Reconciler.State.Tests.Contract;
using Reconciler.Testing.Postgres;

namespace Reconciler.State.Tests.Postgres;

/// <summary>Moving every record of an SQLite file into PostgreSQL (what <c>reconciler state migrate</c> does).</summary>
public sealed class PostgresTransferTests : IAsyncLifetime
{
    private TestDirectory Temp { get; } = new("state");

    private PostgresBacking Backing { get; } = new();

    [Trait("Category", "Slow")] // a full SQLite state moved into PostgreSQL
    [PostgresFact]
    public async Task Import_FromSqlite_KeepsEveryRecordAndIdThenNewRowsFollowOn()
    {
        var source = await SeedSqliteAsync();
        await using var store = (PostgresStateStore)await Backing.OpenAsync();

        var copied = await PostgresStateTransfer.ImportAsync(store, source, CancellationToken.None);

        Assert.Equal(source.Counts, copied);
        Assert.Equal(Normalise(source), Normalise(await PostgresStateTransfer.ExportAsync(store, CancellationToken.None)));
        var inDoubt = Assert.Single(await store.LoadInDoubtAsync(CancellationToken.None));
        Assert.Equal("h-lost", inDoubt.Value.BodyHash);
        Assert.Equal("https://ai.api.example.cn:443", await store.ReadEndpointAsync(CancellationToken.None));
        Assert.Equal(2, copied.Holds);
        var open = await store.ReadHoldAsync(CancellationToken.None);
        Assert.Equal(("rev2", RevisionHoldKind.RolledBack, "rev"), (open?.Revision, open?.Kind, open?.RolledBackTo));
        Assert.NotNull(await store.ReadAcceptedBodyAsync(StateSamples.Applied(at: StateSamples.At).Body.Hash, CancellationToken.None));

        // The import held the apply lock; a store that let its lock go writes no more, so a new one records the next intent.
        await using var writer = (PostgresStateStore)await Backing.OpenAsync();
        var next = await writer.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h-next", null, StateSamples.At), CancellationToken.None);
        Assert.True(next.Id > source.Intents.Max(i => i.Intent.Id));
        var nextHold = await writer.HoldAsync(new RevisionHold(RevisionHoldKind.RolledBack, "rev3", StateSamples.At, RolledBackTo: "rev"), CancellationToken.None);
        Assert.True(nextHold.Id > source.Holds.Max(h => h.Hold.Id));
    }

    [PostgresFact]
    public async Task Import_IntoAStoreWithRecords_IsRefusedAndChangesNothing()
    {
        var source = await SeedSqliteAsync();
        await using var store = (PostgresStateStore)await Backing.OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(taskId: "already-here"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StateStoreException>(() => PostgresStateTransfer.ImportAsync(store, source, CancellationToken.None));

        Assert.Contains("already holds records", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await PostgresStateTransfer.CountAsync(store, CancellationToken.None)).Tasks);
    }

    /// <summary>PostgreSQL keeps microseconds: compare what both hold at that precision.</summary>
    private static string Normalise(StateExport export)
    {
        static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            Tasks = export.Tasks.Select(t => t with { AppliedAt = Micro(t.AppliedAt) }),
            Intents = export.Intents.Select(i => i with { Intent = i.Intent with { At = Micro(i.Intent.At) }, SettledAt = i.SettledAt is { } s ? Micro(s) : null }),
            Attempts = export.Attempts.Select(a => a with { Attempt = a.Attempt with { At = Micro(a.Attempt.At) } }),
            Runs = export.Runs.Select(r => r with { Run = r.Run with { StartedAt = Micro(r.Run.StartedAt) } }),
            export.AcceptedBodies,
            Holds = export.Holds.Select(h => h with { Hold = h.Hold with { At = Micro(h.Hold.At) }, ReleasedAt = h.ReleasedAt is { } r ? Micro(r) : null }),
            Info = export.Info.OrderBy(i => i.Key, StringComparer.Ordinal),
        });
    }

    private async Task<StateExport> SeedSqliteAsync()
    {
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        await using (var sqlite = await SqliteStateStore.OpenAsync(Temp.StatePath))
        {
            await sqlite.BindEndpointAsync("https://ai.api.example.cn:443", forgetRecords: false, CancellationToken.None);
            var applied = await sqlite.RecordIntentAsync(new TaskIntent(0, StateSamples.Identity, TaskIntent.Update, "h-a", "rev", at), CancellationToken.None);
            await sqlite.SettleIntentAsync(applied, StateSamples.Attempt(at), definitive: true, StateSamples.Applied(at: at), CancellationToken.None);
            var rejected = await sqlite.RecordIntentAsync(new TaskIntent(0, StateSamples.OtherIdentity, TaskIntent.Update, "h-r", "rev", at), CancellationToken.None);
            await sqlite.SettleIntentAsync(rejected, StateSamples.Attempt(at, ApplyOutcome.Rejected, StateSamples.OtherIdentity.TaskId, 1001, "名称重复"), definitive: true, null, CancellationToken.None);
            await sqlite.RecordIntentAsync(new TaskIntent(0, StateSamples.OtherIdentity, TaskIntent.Update, "h-lost", "rev2", at.AddSeconds(1)), CancellationToken.None);
            await sqlite.AppendAttemptAsync(StateSamples.Attempt(at, ApplyOutcome.Blocked, apiCode: 6007, message: "2.0任务启动中,请先停止任务"), CancellationToken.None);
            await sqlite.RecordRunAsync(new RunRecord(at, TimeSpan.FromMilliseconds(1234), "rev", RunTrigger.Poll, true, new RunOutcomes(Applied: 1, Rejected: 1, Blocked: 1), null), CancellationToken.None);
            await sqlite.RecordRunAsync(new RunRecord(at.AddMinutes(1), TimeSpan.Zero, null, RunTrigger.Resync, false, RunOutcomes.None, "远端不可达"), CancellationToken.None);
            var halt = new Reconciler.Core.Applying.Rollout.RolloutHalt(1, 2, 10, 3, 0, "--halt-on-rejected 20%", 10);
            await sqlite.HoldAsync(new RevisionHold(RevisionHoldKind.Halted, "rev", at.AddMinutes(2), halt), CancellationToken.None);
            await sqlite.HoldAsync(new RevisionHold(RevisionHoldKind.RolledBack, "rev2", at.AddMinutes(3), RolledBackTo: "rev"), CancellationToken.None);
        }

        return await SqliteStateExporter.ExportAsync(Temp.StatePath, CancellationToken.None);
    }

    public Task InitializeAsync() => Backing.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Backing.DisposeAsync();
        Temp.Dispose();
    }
}

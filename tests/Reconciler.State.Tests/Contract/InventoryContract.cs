using Reconciler.Core.Normalization;

namespace Reconciler.State.Tests.Contract;

/// <summary>The inventory: what was last applied per task, byte for byte.</summary>
public abstract class InventoryContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task RecordApplied_ThenLoad_RoundTripsBodyExactly()
    {
        var record = StateSamples.Applied();
        var store = await OpenAsync();
        await store.RecordAppliedAsync(record, CancellationToken.None);
        await store.DisposeAsync();

        var reopened = await OpenAsync();
        var loaded = await reopened.LoadAppliedAsync(CancellationToken.None);

        var only = Assert.Single(loaded);
        Assert.Equal(StateSamples.Identity, only.Key);
        Assert.Equal(record, only.Value);
        Assert.Equal(record.Body.Json, only.Value.Body.Json);
        Assert.Contains("\"destination_extension\":215870475195883520", only.Value.Body.Json, StringComparison.Ordinal);
        Assert.Contains("测试api接口创建-222", only.Value.Body.Json, StringComparison.Ordinal);
        Assert.Equal("tasks/华东/回访-222.yaml", only.Value.SourceFile);
    }

    [StoreFact]
    public async Task LoadApplied_WithSharing_PassesEachRecordThroughIt()
    {
        var record = StateSamples.Applied();
        var store = await OpenAsync();
        await store.RecordAppliedAsync(record, CancellationToken.None);
        var seen = new List<Reconciler.Core.State.AppliedRecord>();

        // The engine's body sharing hands back the manifest's body; here, the very body recorded.
        var loaded = await store.LoadAppliedAsync(r => { seen.Add(r); return r with { Body = record.Body }; }, CancellationToken.None);

        Assert.Equal(record, Assert.Single(seen));
        Assert.Same(record.Body, loaded[StateSamples.Identity].Body);
    }

    [StoreFact]
    public async Task RecordApplied_SetName_RoundTripsAndIsNullForAPlainManifest()
    {
        var store = await OpenAsync();
        var inSet = StateSamples.Applied() with { SetName = "collections-east" };
        await store.RecordAppliedAsync(inSet, CancellationToken.None);
        Assert.Equal("collections-east", (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity].SetName);

        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        Assert.Null((await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity].SetName);
    }

    [StoreFact]
    public async Task RecordApplied_OffsetTimestamp_IsStoredAndReadAsUtc()
    {
        var beijing = new DateTimeOffset(2026, 11, 24, 18, 0, 0, 123, TimeSpan.FromHours(8));
        var store = await OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(at: beijing), CancellationToken.None);

        var loaded = (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity];

        Assert.Equal(beijing, loaded.AppliedAt);
        Assert.Equal(TimeSpan.Zero, loaded.AppliedAt.Offset);
    }

    [StoreFact]
    public async Task RecordApplied_NullRevision_RoundTrips()
    {
        var store = await OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(revision: null), CancellationToken.None);

        var loaded = (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity];

        Assert.Null(loaded.SourceRevision);
    }

    [StoreFact]
    public async Task RecordApplied_SameIdentityTwice_ReplacesTheRecord()
    {
        var store = await OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        var second = StateSamples.Applied(
            bodyJson: """{"name":"第二版","maximumcall":4}""",
            revision: "1111111111111111111111111111111111111111",
            at: StateSamples.At.AddHours(1));

        await store.RecordAppliedAsync(second, CancellationToken.None);

        var loaded = await store.LoadAppliedAsync(CancellationToken.None);
        Assert.Equal(second, Assert.Single(loaded).Value);
        Assert.Equal(CanonicalBody.FromJson("""{"maximumcall":4,"name":"第二版"}"""), loaded[StateSamples.Identity].Body);
    }

    [StoreFact]
    public async Task Forget_RemovesOnlyThatTask()
    {
        var store = await OpenAsync();
        var kept = StateSamples.Applied(taskId: "kept");
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        await store.RecordAppliedAsync(kept, CancellationToken.None);

        await store.ForgetAsync(StateSamples.Identity, CancellationToken.None);

        var loaded = await store.LoadAppliedAsync(CancellationToken.None);
        Assert.Equal(kept, Assert.Single(loaded).Value);
    }

    [StoreFact]
    public async Task Forget_UnknownTask_DoesNothing()
    {
        var store = await OpenAsync();
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        await store.ForgetAsync(new("someone", "else"), CancellationToken.None);

        Assert.Single(await store.LoadAppliedAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task LoadApplied_EmptyStore_IsEmpty()
    {
        var store = await OpenAsync();

        Assert.Empty(await store.LoadAppliedAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task Operations_AfterDispose_Throw()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAppliedAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AcquireApplyLockAsync(CancellationToken.None));
    }
}

public sealed class SqliteInventoryTests : InventoryContract<SqliteBacking>;

public sealed class PostgresInventoryTests : InventoryContract<PostgresBacking>;

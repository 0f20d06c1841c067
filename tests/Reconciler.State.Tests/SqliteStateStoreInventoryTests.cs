using Microsoft.Data.Sqlite;
using Reconciler.Core.Normalization;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class SqliteStateStoreInventoryTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RecordApplied_ThenLoad_RoundTripsBodyExactly()
    {
        var record = StateSamples.Applied();
        await using (var store = await SqliteStateStore.OpenAsync(_temp.StatePath))
        {
            await store.RecordAppliedAsync(record, CancellationToken.None);
        }

        await using var reopened = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var loaded = await reopened.LoadAppliedAsync(CancellationToken.None);

        var only = Assert.Single(loaded);
        Assert.Equal(StateSamples.Identity, only.Key);
        Assert.Equal(record, only.Value);
        Assert.Equal(record.Body.Json, only.Value.Body.Json);
        Assert.Contains("\"destination_extension\":215870475195883520", only.Value.Body.Json, StringComparison.Ordinal);
        Assert.Contains("测试api接口创建-222", only.Value.Body.Json, StringComparison.Ordinal);
        Assert.Equal("tasks/华东/回访-222.yaml", only.Value.SourceFile);
    }

    [Fact]
    public async Task RecordApplied_StoresBodyAsTextExactly()
    {
        var record = StateSamples.Applied();
        await using (var store = await SqliteStateStore.OpenAsync(_temp.StatePath))
        {
            await store.RecordAppliedAsync(record, CancellationToken.None);
        }

        // Look at the file with plain SQL, as an operator with the sqlite3 shell would.
        await using var connection = new SqliteConnection($"Data Source={_temp.StatePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(body), body, body_hash, applied_at, source_revision FROM tasks;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("text", reader.GetString(0));
        Assert.Equal(record.Body.Json, reader.GetString(1));
        Assert.Equal(record.Body.Hash, reader.GetString(2));
        Assert.Equal("2026-11-24T10:00:00.0000000Z", reader.GetString(3));
        Assert.Equal(record.SourceRevision, reader.GetString(4));
    }

    [Fact]
    public async Task RecordApplied_OffsetTimestamp_IsStoredAndReadAsUtc()
    {
        var beijing = new DateTimeOffset(2026, 11, 24, 18, 0, 0, 123, TimeSpan.FromHours(8));
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.RecordAppliedAsync(StateSamples.Applied(at: beijing), CancellationToken.None);

        var loaded = (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity];

        Assert.Equal(beijing, loaded.AppliedAt);
        Assert.Equal(TimeSpan.Zero, loaded.AppliedAt.Offset);
    }

    [Fact]
    public async Task RecordApplied_NullRevision_RoundTrips()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.RecordAppliedAsync(StateSamples.Applied(revision: null), CancellationToken.None);

        var loaded = (await store.LoadAppliedAsync(CancellationToken.None))[StateSamples.Identity];

        Assert.Null(loaded.SourceRevision);
    }

    [Fact]
    public async Task RecordApplied_SameIdentityTwice_ReplacesTheRecord()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
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

    [Fact]
    public async Task Forget_RemovesOnlyThatTask()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var kept = StateSamples.Applied(taskId: "kept");
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
        await store.RecordAppliedAsync(kept, CancellationToken.None);

        await store.ForgetAsync(StateSamples.Identity, CancellationToken.None);

        var loaded = await store.LoadAppliedAsync(CancellationToken.None);
        Assert.Equal(kept, Assert.Single(loaded).Value);
    }

    [Fact]
    public async Task Forget_UnknownTask_DoesNothing()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        await store.ForgetAsync(new("someone", "else"), CancellationToken.None);

        Assert.Single(await store.LoadAppliedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LoadApplied_EmptyStore_IsEmpty()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);

        Assert.Empty(await store.LoadAppliedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Operations_AfterDispose_Throw()
    {
        var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAppliedAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AcquireApplyLockAsync(CancellationToken.None));
    }
}

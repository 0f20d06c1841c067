using Microsoft.Data.Sqlite;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Service.State;
using Reconciler.State;
using Reconciler.Testing;
using Reconciler.Testing.State;

namespace Reconciler.Service.Tests.Units;

/// <summary>The inventory kept in memory, over a real SQLite store: reads counted, own writes kept, a plan's copy never changed under it.</summary>
public sealed class InventoryCacheTests
{
    [Fact]
    public async Task LoadApplied_ReadsTheStoreOnce_TakesOwnWrites_AndNeverChangesACopyAlreadyHandedOut()
    {
        using var directory = new TestDirectory("inventory");
        var path = directory.Combine("state.db");
        await StateSeeder.SeedAsync(path, [Record("1"), Record("2")]);
        await using var store = await SqliteStateStore.OpenAsync(path);
        var cache = new InventoryCache(store);

        var first = await cache.LoadAppliedAsync(CancellationToken.None);
        await cache.RecordAppliedAsync(Record("3"), CancellationToken.None);
        await cache.ForgetAsync(new TaskIdentity("u", "1"), CancellationToken.None);
        var second = await cache.LoadAppliedAsync(CancellationToken.None);

        Assert.Equal(1, cache.Loads);
        Assert.Equal(["1", "2"], first.Keys.Select(k => k.TaskId).Order());
        Assert.Equal(["2", "3"], second.Keys.Select(k => k.TaskId).Order());
        Assert.Equal(second.Keys.Order(), (await store.LoadAppliedAsync(CancellationToken.None)).Keys.Order());
        Assert.Same(second, await cache.LoadAppliedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LoadApplied_AfterInvalidateOrAFailedWrite_ReadsTheStoreAgain()
    {
        using var directory = new TestDirectory("inventory");
        var path = directory.Combine("state.db");
        await StateSeeder.SeedAsync(path, [Record("1")]);
        await using var store = await SqliteStateStore.OpenAsync(path);
        var cache = new InventoryCache(store);
        await cache.LoadAppliedAsync(CancellationToken.None);

        cache.Invalidate();
        await cache.LoadAppliedAsync(CancellationToken.None);
        Assert.Equal(2, cache.Loads);

        // A write that did not report success may or may not have committed: the copy is dropped.
        await ExecuteAsync(path, "ALTER TABLE tasks RENAME TO tasks_away;");
        await Assert.ThrowsAsync<StateStoreException>(() => cache.RecordAppliedAsync(Record("2"), CancellationToken.None));
        await ExecuteAsync(path, "ALTER TABLE tasks_away RENAME TO tasks;");
        await cache.LoadAppliedAsync(CancellationToken.None);
        Assert.Equal(3, cache.Loads);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static AppliedRecord Record(string taskId) => StateSeeder.Applied("u", taskId, $$"""{"name":"t{{taskId}}"}""");
}

using Microsoft.Data.Sqlite;
using Reconciler.State.Migrations;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class StateMigratorTests : IDisposable
{
    private readonly TestDirectory _temp = new("state");
    private readonly SqliteConnection _connection;

    public StateMigratorTests()
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, "m.db")};Pooling=False");
        _connection.Open();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Migrate_OlderFile_RunsOnlyTheMissingStepsInOrder()
    {
        var v1 = new StateMigration(1, "one", "CREATE TABLE log (step INTEGER); INSERT INTO log VALUES (1);");
        var v2 = new StateMigration(2, "two", "INSERT INTO log VALUES (2);");
        var v3 = new StateMigration(3, "three", "INSERT INTO log VALUES (3);");
        await StateMigrator.MigrateAsync(_connection, "m.db", [v1], CancellationToken.None);

        var version = await StateMigrator.MigrateAsync(_connection, "m.db", [v1, v2, v3], CancellationToken.None);

        Assert.Equal(3, version);
        Assert.Equal(3, await StateMigrator.ReadVersionAsync(_connection, null, CancellationToken.None));
        Assert.Equal([1L, 2L, 3L], await StepsAsync());
    }

    [Fact]
    public async Task Migrate_Version4File_GainsSetNamesAndKeepsItsTasks()
    {
        await StateMigrator.MigrateAsync(_connection, "m.db", StateMigrations.All.Take(4).ToList(), CancellationToken.None);
        await using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO tasks VALUES ('u', 't', '{}', 'h', 'tasks/a.yaml', NULL, '2026-11-24T10:00:00.0000000Z');";
            await insert.ExecuteNonQueryAsync();
        }

        await StateMigrator.MigrateAsync(_connection, "m.db", StateMigrations.All, CancellationToken.None);

        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT source_file, set_name IS NULL FROM tasks;";
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal("tasks/a.yaml", row.GetString(0));
        Assert.Equal(1L, row.GetInt64(1));
    }

    [Fact]
    public async Task Migrate_FailingStep_RollsBackEveryStepOfThatOpen()
    {
        var v1 = new StateMigration(1, "one", "CREATE TABLE log (step INTEGER);");
        var v2 = new StateMigration(2, "two", "INSERT INTO log VALUES (2);");
        var broken = new StateMigration(3, "broken", "INSERT INTO no_such_table VALUES (3);");
        await StateMigrator.MigrateAsync(_connection, "m.db", [v1], CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(
            () => StateMigrator.MigrateAsync(_connection, "m.db", [v1, v2, broken], CancellationToken.None));

        Assert.Equal(1, await StateMigrator.ReadVersionAsync(_connection, null, CancellationToken.None));
        Assert.Empty(await StepsAsync());
    }

    [Fact]
    public async Task Migrate_StepsOutOfOrder_IsAProgrammingError()
    {
        var v2 = new StateMigration(2, "two", "SELECT 1;");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => StateMigrator.MigrateAsync(_connection, "m.db", [v2], CancellationToken.None));
    }

    [Fact]
    public void Migrations_AreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(
            Enumerable.Range(1, StateMigrations.All.Count),
            StateMigrations.All.Select(m => m.Version));
        Assert.Equal(StateMigrations.Latest, SqliteStateStore.SchemaVersion);
    }

    private async Task<List<long>> StepsAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT step FROM log ORDER BY rowid;";
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<long>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetInt64(0));
        }

        return steps;
    }
}

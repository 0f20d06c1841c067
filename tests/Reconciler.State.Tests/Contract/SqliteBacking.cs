using Microsoft.Data.Sqlite;
using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

public sealed class SqliteBacking : IStoreBacking
{
    private readonly TestDirectory _temp = new("state");

    public Type DatabaseError => typeof(SqliteException);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task<IStateStore> OpenAsync(TimeProvider? time = null) => await SqliteStateStore.OpenAsync(_temp.StatePath, time);

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_temp.StatePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

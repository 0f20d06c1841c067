using Npgsql;

namespace Reconciler.Testing.Postgres;

/// <summary>One test's own schema on the test server; dropped (with everything in it) on dispose.</summary>
public sealed class TestPostgresSchema : IAsyncDisposable
{
    private readonly string _baseConnection;

    internal TestPostgresSchema(string baseConnection, string name)
    {
        _baseConnection = baseConnection;
        Name = name;
        var builder = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = name };
        ConnectionString = builder.ConnectionString;
        Url = $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}@{builder.Host}:{builder.Port}/{builder.Database}?search_path={name}";
    }

    public string Name { get; }

    /// <summary>Npgsql keyword form, with <c>Search Path</c> set to this schema.</summary>
    public string ConnectionString { get; }

    /// <summary>The <c>postgres://</c> form a user would type for <c>--state</c>.</summary>
    public string Url { get; }

    /// <summary>Runs SQL in this schema (as an operator with psql would) and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_baseConnection);
        await connection.OpenAsync();

        // Bounded: a session still inside a transaction on these tables must not hang the test run.
        await using (var timeout = new NpgsqlCommand("SET lock_timeout = '10s';", connection))
        {
            await timeout.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }
}

using Npgsql;
using Reconciler.Core.Secrets;

namespace Reconciler.State.Postgres;

/// <summary>
/// Runs the store's statements on pooled connections: each write in its own transaction, each read on its own
/// connection, every failure turned into a typed exception that names the store. Also runs a statement inside a
/// transaction someone else owns (the leader's session).
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource source, string display, SecretRedactor redactor) : IAsyncDisposable
{
    public string Display => display;

    public SecretRedactor Redactor => redactor;

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => source.OpenConnectionAsync(cancellationToken);

    public async Task<object?> WriteScalarAsync(string action, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await ScalarAsync(connection, transaction, sql, bind, cancellationToken);

            // Once the statement ran, finish the write even if cancellation arrives now (as the SQLite store does).
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e))
        {
            throw PostgresErrors.Wrap(display, action, e, redactor);
        }
    }

    public async Task<IReadOnlyList<T>> ReadAsync<T>(string action, string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            return await ReadAsync(connection, null, sql, bind, map, cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e) || PostgresErrors.IsMalformedRow(e))
        {
            throw PostgresErrors.Wrap(display, action, e, redactor);
        }
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command.Parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}

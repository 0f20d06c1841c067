using System.Data;
using System.Data.Common;
using Npgsql;
using Reconciler.Core.Secrets;
using Reconciler.State.Sql;

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

    public async Task<object?> WriteScalarAsync(string action, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyList<T>> ReadAsync<T>(string action, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            return await StoreCommands.ReadAsync(connection, null, PostgresDialect.Instance, sql, bind, map, cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e) || PostgresErrors.IsMalformedRow(e))
        {
            throw PostgresErrors.Wrap(display, action, e, redactor);
        }
    }

    /// <summary>Runs reads in one repeatable-read transaction: one consistent snapshot of every table.</summary>
    public async Task<T> SnapshotAsync<T>(string action, Func<DbConnection, DbTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return await read(connection, transaction);
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseFailure(e) || PostgresErrors.IsMalformedRow(e))
        {
            throw PostgresErrors.Wrap(display, action, e, redactor);
        }
    }

    public static Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken) =>
        StoreCommands.ScalarAsync(connection, transaction, PostgresDialect.Instance, sql, bind, cancellationToken);

    public ValueTask DisposeAsync() => source.DisposeAsync();
}

using System.Data.Common;

namespace Reconciler.State.Sql;

/// <summary>Runs one statement on a connection the caller owns (and, for a write, inside its transaction).</summary>
internal static class StoreCommands
{
    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string sql, Action<StoreParameters> bind, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, dialect, sql, bind);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string sql, Action<StoreParameters> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, dialect, sql, bind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string sql, Action<StoreParameters> bind)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(new StoreParameters(command, dialect));
        return command;
    }
}

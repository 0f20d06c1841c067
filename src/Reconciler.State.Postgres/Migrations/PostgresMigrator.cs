using System.Globalization;
using Npgsql;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres.Migrations;

/// <summary>
/// Brings the store's schema (the first schema of the search path) to the newest version, in one transaction under
/// a transaction-level advisory lock: replicas starting together serialise, and the later ones find nothing to do.
/// A schema from a newer build is refused untouched.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The schema version, or 0 when the store was never created here (reads only; creates nothing).</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        // Two statements: the server resolves every table of a statement before running it.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations;", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task MigrateAsync(NpgsqlConnection connection, string display, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKeys.Migration}, {PostgresLockKeys.SchemaKey});", cancellationToken);
        await using (var schema = new NpgsqlCommand("SELECT current_schema();", connection, transaction))
        {
            if (await schema.ExecuteScalarAsync(cancellationToken) is not string)
            {
                throw new StateStoreException($"state store '{display}': its search path names no existing schema: create the schema first (CREATE SCHEMA …) or fix search_path");
            }
        }

        var version = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (version > PostgresMigrations.Latest)
        {
            throw new StateStoreException(
                $"state store '{display}' has schema version {version}, but this reconciler understands versions up to {PostgresMigrations.Latest}: upgrade the reconciler to use this database");
        }

        if (version == PostgresMigrations.Latest)
        {
            return;
        }

        if (version == 0 && await HasForeignTablesAsync(connection, transaction, cancellationToken))
        {
            throw new StateStoreException(
                $"state store '{display}': the schema already has tables named like the store's (tasks, intents, attempts, runs) but no schema_migrations: " +
                "it is not a reconciler store; use another database or schema (search_path)");
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken);
        foreach (var step in PostgresMigrations.All.Where(m => m.Version > version))
        {
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (@version, @description);", connection, transaction);
            record.Parameters.AddWithValue("version", step.Version);
            record.Parameters.AddWithValue("description", step.Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> HasForeignTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('tasks', 'intents', 'attempts', 'runs', 'store_info');",
            connection,
            transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

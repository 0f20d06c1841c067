using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Reconciler.State.Migrations;

/// <summary>
/// Brings a state file to the newest schema: reads <c>PRAGMA user_version</c>, refuses files from a newer
/// build, and runs the missing steps in one transaction, so a crash mid-migration leaves the old file intact.
/// </summary>
internal static class StateMigrator
{
    public static async Task<int> ReadVersionAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Throws when the file was written by a newer build; reads nothing else and writes nothing.</summary>
    public static void RefuseNewer(string displayPath, int fileVersion, IReadOnlyList<StateMigration> migrations)
    {
        var latest = LatestOf(migrations);
        if (fileVersion > latest)
        {
            throw new StateStoreVersionException(displayPath, fileVersion, latest);
        }
    }

    /// <summary>Applies every step newer than the file's version. Returns the version the file ends at.</summary>
    public static async Task<int> MigrateAsync(
        SqliteConnection connection,
        string displayPath,
        IReadOnlyList<StateMigration> migrations,
        CancellationToken cancellationToken)
    {
        EnsureOrdered(migrations);
        var latest = LatestOf(migrations);
        var version = await ReadVersionAsync(connection, null, cancellationToken);
        RefuseNewer(displayPath, version, migrations);
        if (version == latest)
        {
            return version;
        }

        // BEGIN IMMEDIATE: two processes opening a fresh file at once serialize on the
        // write lock, and the second re-reads the version inside its transaction and finds nothing to do.
        await using var transaction = connection.BeginTransaction(deferred: false);
        version = await ReadVersionAsync(connection, transaction, cancellationToken);
        RefuseNewer(displayPath, version, migrations);
        if (version == 0 && await HasForeignTablesAsync(connection, transaction, cancellationToken))
        {
            throw new StateStoreFormatException(
                $"state store '{displayPath}' is an SQLite database but not a reconciler state store " +
                "(it has tables and no schema version): choose another state path");
        }

        foreach (var step in migrations.Where(m => m.Version > version))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;

            // PRAGMA takes no parameters; the version is an int we own, so formatting it in is safe.
            command.CommandText = step.Sql + $"\nPRAGMA user_version = {step.Version.ToString(CultureInfo.InvariantCulture)};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return latest;
    }

    private static async Task<bool> HasForeignTablesAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\';";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static int LatestOf(IReadOnlyList<StateMigration> migrations) =>
        migrations.Count == 0 ? 0 : migrations[^1].Version;

    private static void EnsureOrdered(IReadOnlyList<StateMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"state migrations must be numbered 1, 2, 3, … in order; step {i + 1} says version {migrations[i].Version}");
            }
        }
    }
}

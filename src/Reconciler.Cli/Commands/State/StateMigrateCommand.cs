using System.CommandLine;
using Reconciler.Core.State;
using Reconciler.Service.State;
using Reconciler.State;
using Reconciler.State.Export;
using Reconciler.State.Postgres;

namespace Reconciler.Cli.Commands.State;

/// <summary>
/// <c>reconciler state migrate --from sqlite:PATH --to postgres://…</c>: copies every record of an SQLite state file
/// into a new PostgreSQL store (ids kept), holding both stores' apply locks, and verifies the counts of every table.
/// </summary>
internal static class StateMigrateCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Required = true, HelpName = "sqlite:PATH", Description = "The SQLite state file to copy (sqlite:PATH or a plain path). It is only read." };
        var to = new Option<string>("--to") { Required = true, HelpName = "URL", Description = "The PostgreSQL store to create: postgres://user@host:port/db?search_path=… or Host=…;Database=…. It must hold no records yet. Password from RECONCILER_STATE_PASSWORD, RECONCILER_STATE_PASSWORD_FILE or PGPASSWORD." };
        var command = new Command("migrate", """
            Copy every record of an SQLite state file (tasks, intents, attempts, runs and store_info: its id and the
            endpoint it is bound to) into a new PostgreSQL store, keeping every id, then verify that each table holds
            as many rows as the file. Stop the service first: both stores' apply locks are held while copying.

            Example:
              RECONCILER_STATE_PASSWORD_FILE=/run/secrets/pg reconciler state migrate \
                --from sqlite:/var/lib/reconciler/state.db --to postgres://reconciler@db.internal:5432/reconciler
            """);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetValue(from)!, result.GetValue(to)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string fromSpec, string toSpec, CancellationToken cancellationToken)
    {
        var source = StateStoreLocator.Resolve(fromSpec, console.WorkingDirectory);
        var target = StateStoreLocator.Resolve(toSpec, console.WorkingDirectory);
        if (source.IsPostgres || !target.IsPostgres)
        {
            throw new CliException("state migrate copies an SQLite file (--from sqlite:PATH) into PostgreSQL (--to postgres://…)");
        }

        if (!File.Exists(source.Spec))
        {
            throw new CliException($"state file '{source.Spec}' does not exist");
        }

        await using var sqlite = await SqliteStateStore.OpenAsync(source.Spec, cancellationToken: cancellationToken);
        await using var sqliteLock = await LockAsync(sqlite, source.Display, cancellationToken);
        var export = await SqliteStateExporter.ExportAsync(source.Spec, cancellationToken);
        await using var postgres = await PostgresStateStore.OpenAsync(StateStoreLocator.Postgres(target, console.Environment), cancellationToken: cancellationToken);
        StateCountsResult counts;
        try
        {
            counts = new(export.Counts, await PostgresStateTransfer.ImportAsync(postgres, export, cancellationToken));
        }
        catch (StateLockedException e)
        {
            throw new CliException($"{e.Message}: stop every replica before migrating", e);
        }

        if (counts.Copied != counts.Read)
        {
            await console.Error.WriteLineAsync($"reconciler: error: {target.Display} holds {counts.Copied} after the copy, but {source.Display} holds {counts.Read}");
            return ExitCodes.Error;
        }

        await console.Out.WriteLineAsync($"Migrated {source.Display} to {target.Display}: {counts.Copied}; every table's count verified.");
        await console.Out.WriteLineAsync($"Next: run every replica with --state {target.Display} (the file is left as it was; keep it as a backup).");
        return ExitCodes.Success;
    }

    private static async Task<IAsyncDisposable> LockAsync(SqliteStateStore store, string display, CancellationToken cancellationToken)
    {
        try
        {
            return await store.AcquireApplyLockAsync(cancellationToken);
        }
        catch (StateLockedException e)
        {
            throw new CliException($"{e.Message}: stop the service (or the apply) using {display} before migrating it", e);
        }
    }

    private sealed record StateCountsResult(Core.State.Export.StateCounts Read, Core.State.Export.StateCounts Copied);
}

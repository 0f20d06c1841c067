using Reconciler.Core.State;
using Reconciler.State;
using Reconciler.State.Postgres;

namespace Reconciler.Service.State;

/// <summary>
/// The one place that turns <c>--state</c> (CLI and service alike) into a store: <c>postgres://user@host:port/db?…</c>
/// or <c>Host=…;Database=…</c> selects PostgreSQL (the password from <c>RECONCILER_STATE_PASSWORD</c>,
/// <c>RECONCILER_STATE_PASSWORD_FILE</c> or <c>PGPASSWORD</c>); <c>sqlite:PATH</c> or anything else is an SQLite
/// file, relative to the working directory.
/// </summary>
public static class StateStoreLocator
{
    public const string SqlitePrefix = SqliteStateSpec.Prefix;

    public static StateLocation Resolve(string spec, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        return StateSpecKind.IsPostgres(spec)
            ? new StateLocation(spec.Trim(), IsPostgres: true)
            : new StateLocation(SqliteStateSpec.FullPath(spec, workingDirectory), IsPostgres: false);
    }

    /// <summary>Opens (creating and migrating) the store.</summary>
    /// <exception cref="StateStoreException">It cannot be opened; the message names it without a password.</exception>
    public static async Task<IStateStore> OpenAsync(StateLocation location, Func<string, string?> environment, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsPostgres
            ? await PostgresStateStore.OpenAsync(Postgres(location, environment), time, cancellationToken)
            : await SqliteStateStore.OpenAsync(location.Spec, time, cancellationToken);
    }

    /// <summary>Opens the store for the service, with the leader election a shared store offers (the only place that knows which does).</summary>
    /// <exception cref="StateStoreException">It cannot be opened; the message names it without a password.</exception>
    public static async Task<OpenedStore> OpenForServiceAsync(StateLocation location, Func<string, string?> environment, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsPostgres)
        {
            var store = await SqliteStateStore.OpenAsync(location.Spec, time, cancellationToken);
            return new OpenedStore(store, store, null);
        }

        var shared = await PostgresStateStore.OpenAsync(Postgres(location, environment), time, cancellationToken);
        return new OpenedStore(shared, shared, new Replicas.PostgresElection(shared));
    }

    /// <summary>For plans: the store when it exists (null otherwise), so a plan never creates one.</summary>
    public static async Task<IStateStore?> OpenIfExistsAsync(StateLocation location, Func<string, string?> environment, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsPostgres)
        {
            return await PostgresStateStore.OpenIfExistsAsync(Postgres(location, environment), time, cancellationToken);
        }

        return await SqliteStateSpec.OpenIfExistsAsync(location.Spec, time, cancellationToken);
    }

    /// <exception cref="StateStoreException">The spec cannot be read or carries a password.</exception>
    public static PostgresConnectionSpec Postgres(StateLocation location, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            return PostgresConnectionSpec.Parse(location.Spec, environment);
        }
        catch (FormatException e)
        {
            throw new StateStoreException($"state store {location.Display}: {e.Message}", e);
        }
    }

    /// <summary>A PostgreSQL spec as it may be shown: without a password, even one typed into it.</summary>
    public static string Describe(string spec)
    {
        try
        {
            return PostgresConnectionSpec.Parse(spec, _ => null).Display;
        }
        catch (FormatException)
        {
            // The spec is refused (e.g. it holds a password): show only its kind, never its text.
            return spec.Contains("://", StringComparison.Ordinal) ? "postgres://(unreadable spec)" : "Host=(unreadable spec)";
        }
    }
}

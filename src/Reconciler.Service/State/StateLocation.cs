namespace Reconciler.Service.State;

/// <summary>
/// A state store as the user named it: an SQLite file (the embedded default) or a PostgreSQL database (shared by
/// several replicas). <see cref="Display"/> is safe to print: a PostgreSQL spec is shown without any password.
/// </summary>
/// <param name="Spec">The full path of the SQLite file, or the PostgreSQL URL / connection string as given.</param>
public sealed record StateLocation(string Spec, bool IsPostgres)
{
    public string Display => IsPostgres ? StateStoreLocator.Describe(Spec) : Spec;

    public override string ToString() => Display;
}

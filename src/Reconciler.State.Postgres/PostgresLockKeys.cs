namespace Reconciler.State.Postgres;

/// <summary>
/// The advisory lock keys: a fixed class (<c>'reco'</c>) and the hash of the store's schema, so two stores in two
/// schemas of one database never share a lock. In <c>pg_locks</c> they show as classid/objid with objsubid 2.
/// </summary>
internal static class PostgresLockKeys
{
    /// <summary>The apply lock: held by the leading replica (or an apply) on its own session for as long as it leads.</summary>
    public const int Apply = 0x7265636F;

    /// <summary>Taken per transaction while the schema is migrated.</summary>
    public const int Migration = Apply + 1;

    /// <summary>SQL for the second key: the store's schema, hashed by the server.</summary>
    public const string SchemaKey = "hashtext(current_schema())";
}

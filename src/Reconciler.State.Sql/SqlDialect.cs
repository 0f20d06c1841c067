using System.Data;
using System.Data.Common;

namespace Reconciler.State.Sql;

/// <summary>
/// What differs between the databases for the same records: how a time and a yes/no are stored and read back,
/// and where the store's change counter lives. Everything else (tables, columns, statements, parameter names) is
/// the same in both.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>A query whose one value is the store's serial (<see cref="Core.State.StateVersion.Serial"/>).</summary>
    public abstract string SerialQuery { get; }

    /// <summary>A time as the column holds it, and the parameter type that carries it.</summary>
    public abstract (object Value, DbType Type) Time(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader row, int ordinal);

    public abstract (object Value, DbType Type) Flag(bool value);

    public abstract bool ReadFlag(DbDataReader row, int ordinal);
}

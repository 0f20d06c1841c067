using System.Data;
using System.Data.Common;
using Reconciler.State.Sql;

namespace Reconciler.State.Postgres;

/// <summary>PostgreSQL's spelling of the records: native <c>timestamptz</c> (always UTC on the way in) and <c>boolean</c>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>
    /// A sequence moved by triggers (migration v2): unlike a counter row, it never makes concurrent writers wait for
    /// each other's commit. A rolled-back write moves it too, which only makes a saved plan more careful.
    /// </summary>
    public override string SerialQuery => "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM state_serial";

    public override (object Value, DbType Type) Time(DateTimeOffset value) => (value.ToUniversalTime(), DbType.DateTimeOffset);

    public override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public override (object Value, DbType Type) Flag(bool value) => (value, DbType.Boolean);

    public override bool ReadFlag(DbDataReader row, int ordinal) => row.GetBoolean(ordinal);
}

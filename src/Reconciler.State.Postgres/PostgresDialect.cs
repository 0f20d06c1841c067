using System.Data;
using System.Data.Common;
using Reconciler.State.Sql;

namespace Reconciler.State.Postgres;

/// <summary>PostgreSQL's spelling of the records: native <c>timestamptz</c> (always UTC on the way in) and <c>boolean</c>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override (object Value, DbType Type) Time(DateTimeOffset value) => (value.ToUniversalTime(), DbType.DateTimeOffset);

    public override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public override (object Value, DbType Type) Flag(bool value) => (value, DbType.Boolean);

    public override bool ReadFlag(DbDataReader row, int ordinal) => row.GetBoolean(ordinal);
}

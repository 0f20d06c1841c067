using System.Data;
using System.Data.Common;
using Reconciler.State.Sql;

namespace Reconciler.State;

/// <summary>SQLite's spelling of the records: times as fixed-width UTC text (<see cref="StateText"/>), flags as 0 or 1.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    /// <summary>One row, counted up by triggers (migration v3): SQLite has a single writer, so a row costs nothing.</summary>
    public override string SerialQuery => "SELECT value FROM state_serial WHERE id = 1";

    public override (object Value, DbType Type) Time(DateTimeOffset value) => (StateText.Timestamp(value), DbType.String);

    public override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => StateText.ParseTimestamp(row.GetString(ordinal));

    public override (object Value, DbType Type) Flag(bool value) => (value ? 1L : 0L, DbType.Int64);

    public override bool ReadFlag(DbDataReader row, int ordinal) => row.GetInt64(ordinal) != 0;
}

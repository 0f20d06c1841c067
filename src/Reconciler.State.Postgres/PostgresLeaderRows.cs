using System.Data.Common;

namespace Reconciler.State.Postgres;

/// <summary>Reads a row of <see cref="PostgresStatements.ReadLeader"/> (the one table only PostgreSQL has).</summary>
internal static class PostgresLeaderRows
{
    public static LeaderRecord Leader(DbDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetInt32(3),
        row.GetInt32(4),
        PostgresDialect.Instance.ReadTime(row, 5),
        row.GetBoolean(6));
}

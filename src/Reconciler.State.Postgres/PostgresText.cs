using System.Text.Json;
using Reconciler.Core.Json;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>How values are spelled in the tables: the same words and JSON as the SQLite file, so a migrated row reads the same.</summary>
internal static class PostgresText
{

    public static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    /// <summary>timestamptz keeps microseconds; the offset is always UTC on the way in and out.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();
}

using Xunit;

namespace Reconciler.Testing.Postgres;

/// <summary>A fact that needs PostgreSQL: skipped, saying why, only when no server is available at all.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresTestServer.SkipReason;
    }
}

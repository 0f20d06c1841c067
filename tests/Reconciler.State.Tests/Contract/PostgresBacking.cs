using Npgsql;
using Reconciler.Core.State;
using Reconciler.State.Postgres;
using Reconciler.Testing.Postgres;

namespace Reconciler.State.Tests.Contract;

public sealed class PostgresBacking : IStoreBacking
{
    private TestPostgresSchema? _schema;

    public TestPostgresSchema Schema => _schema ?? throw new InvalidOperationException("not initialised");

    public Type DatabaseError => typeof(PostgresException);

    public async Task InitializeAsync() => _schema = await PostgresTestServer.CreateSchemaAsync();

    public PostgresConnectionSpec Spec => PostgresConnectionSpec.Parse(Schema.Url, _ => null);

    public async Task<IStateStore> OpenAsync(TimeProvider? time = null) => await PostgresStateStore.OpenAsync(Spec, time);

    public Task<object?> ScalarAsync(string sql) => Schema.ScalarAsync(sql);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}

using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>
/// The base of every shared contract class: a fresh backing per test, opened stores closed at the end. A contract
/// class is abstract and generic over its backing; each store has one sealed class per contract
/// (<c>Sqlite…Tests</c>, <c>Postgres…Tests</c>), so every fact runs against both stores.
/// </summary>
public abstract class StoreContract<TBacking> : IAsyncLifetime
    where TBacking : IStoreBacking, new()
{
    private readonly List<IStateStore> _opened = [];

    protected TBacking Backing { get; } = new();

    protected async Task<IStateStore> OpenAsync(TimeProvider? time = null)
    {
        var store = await Backing.OpenAsync(time);
        _opened.Add(store);
        return store;
    }

    protected async Task<T> ScalarAsync<T>(string sql) =>
        (T)Convert.ChangeType((await Backing.ScalarAsync(sql))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One task's history: both stores have it, beyond the port's interface.</summary>
    protected static Task<IReadOnlyList<ApplyAttempt>> TaskAttemptsAsync(IStateStore store, Reconciler.Core.Manifests.TaskIdentity identity, int limit) => store switch
    {
        SqliteStateStore sqlite => sqlite.ReadAttemptsAsync(identity, limit, CancellationToken.None),
        global::Reconciler.State.Postgres.PostgresStateStore postgres => postgres.ReadAttemptsAsync(identity, limit, CancellationToken.None),
        _ => throw new NotSupportedException(store.GetType().Name),
    };

    Task IAsyncLifetime.InitializeAsync() => Backing.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await Backing.DisposeAsync();
    }
}

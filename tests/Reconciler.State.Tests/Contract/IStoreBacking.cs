using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>Where one contract test keeps its store: a fresh SQLite file or a fresh PostgreSQL schema.</summary>
public interface IStoreBacking : IAsyncDisposable
{
    Task InitializeAsync();

    /// <summary>Opens a store on the backing; a second call opens a second store on the same data.</summary>
    Task<IStateStore> OpenAsync(TimeProvider? time = null);

    /// <summary>Runs SQL directly on the data (as an operator's shell would) and returns the first column of the first row.</summary>
    Task<object?> ScalarAsync(string sql);

    /// <summary>What the database driver throws when the database refuses a statement.</summary>
    Type DatabaseError { get; }
}

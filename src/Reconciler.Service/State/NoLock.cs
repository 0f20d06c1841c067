namespace Reconciler.Service.State;

/// <summary>Nothing to release: a shared store's lock is held by the leader election, not by the host.</summary>
internal sealed class NoLock : IAsyncDisposable
{
    public static readonly NoLock Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

namespace Reconciler.Core.Tests.Applying;

/// <summary>The apply lock of <see cref="FakeStateStore"/>: the applier never takes it (the CLI does).</summary>
internal sealed class NoLock : IAsyncDisposable
{
    public static readonly NoLock Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

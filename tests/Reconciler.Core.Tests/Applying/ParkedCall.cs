using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Applying;

/// <summary>An update held by <see cref="FakeTaskApi"/> until the test calls <see cref="Release"/>.</summary>
internal sealed class ParkedCall(TaskIdentity identity)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskIdentity Identity { get; } = identity;

    public Task Released => _release.Task;

    public void Release() => _release.TrySetResult();
}

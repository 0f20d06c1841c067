using Reconciler.Core.Manifests;

namespace Reconciler.Core.Applying;

/// <summary>
/// The platform as one run sees it: the reads gated by <see cref="GatedTaskReader"/>, and the writes the same way — where
/// the <see cref="PlatformGate"/> is closed nothing is sent, and such a call ends at once with the failure that stopped it.
/// </summary>
internal sealed class GatedTaskApi(ITaskApi inner, PlatformGate gate) : GatedTaskReader(inner, gate), ITaskApi
{
    public TimeSpan UpdateDeadline => inner.UpdateDeadline;

    public async Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken) =>
        Gate.Blocking(identity.UserId) is { } failure ? TaskApiResult.NotSent(failure) : Seen(await inner.UpdateTaskAsync(identity, utf8Body, within, cancellationToken));

    public async Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        Gate.Blocking(identity.UserId) is { } failure ? TaskApiResult.NotSent(failure) : Seen(await inner.StopTaskAsync(identity, subUserId, cancellationToken));

    private TaskApiResult Seen(TaskApiResult result)
    {
        Gate.Observe(result.Platform);
        return result;
    }
}

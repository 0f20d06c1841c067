using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// The platform as one run sees it: every answer that reports a platform failure closes the <see cref="PlatformGate"/>
/// (for the account, or for everyone), and nothing more is sent where it is closed; such a call ends at once, sending
/// nothing, with the failure that stopped it.
/// </summary>
public sealed class GatedTaskApi(ITaskApi inner, PlatformGate gate) : ITaskApi
{
    public PlatformGate Gate => gate;

    public TimeSpan UpdateDeadline => inner.UpdateDeadline;

    public async Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken) =>
        gate.Blocking(identity.UserId) is { } failure ? TaskApiResult.NotSent(failure) : Seen(await inner.UpdateTaskAsync(identity, utf8Body, within, cancellationToken));

    public async Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        gate.Blocking(identity.UserId) is { } failure ? TaskApiResult.NotSent(failure) : Seen(await inner.StopTaskAsync(identity, subUserId, cancellationToken));

    public async Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        (await ReadTaskAsync(identity, subUserId, cancellationToken)).State;

    public async Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken)
    {
        if (gate.Blocking(identity.UserId) is { } failure)
        {
            return RemoteTaskRead.Failed($"not read: {failure.Message}") with { Platform = failure };
        }

        var read = await inner.ReadTaskAsync(identity, subUserId, cancellationToken);
        gate.Observe(read.Platform);
        return read;
    }

    public async Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (gate.Blocking(query.UserId) is { } failure)
        {
            return new TaskListRead([], $"not read: {failure.Message}") { Platform = failure };
        }

        var list = await inner.ListTasksAsync(query, cancellationToken);
        gate.Observe(list.Platform);
        return list;
    }

    private TaskApiResult Seen(TaskApiResult result)
    {
        gate.Observe(result.Platform);
        return result;
    }
}

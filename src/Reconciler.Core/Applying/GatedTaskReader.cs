using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// The platform's reads as one run sees them: every answer that reports a platform failure closes the
/// <see cref="PlatformGate"/> (for the account, or for everyone), and nothing more is read where it is closed; such a
/// call ends at once, reading nothing, with the failure that stopped it. <see cref="GatedTaskApi"/> gates the writes too.
/// </summary>
public class GatedTaskReader(ITaskReader inner, PlatformGate gate) : ITaskReader
{
    public PlatformGate Gate => gate;

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
}

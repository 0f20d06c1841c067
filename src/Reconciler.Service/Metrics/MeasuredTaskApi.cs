using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Service.Metrics;

/// <summary>Times every PUT for the latency histogram; everything else passes straight through.</summary>
/// <remarks>Latency is real time (<see cref="TimeProvider.System"/> by default), not the service's schedule clock, which tests move by hand.</remarks>
internal sealed class MeasuredTaskApi(ITaskApi inner, ServiceMetrics metrics, TimeProvider? time = null) : ITaskApi
{
    public TimeSpan UpdateDeadline => inner.UpdateDeadline;

    public async Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken)
    {
        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        try
        {
            return await inner.UpdateTaskAsync(identity, utf8Body, within, cancellationToken);
        }
        finally
        {
            metrics.PutCompleted(clock.GetElapsedTime(started));
        }
    }

    public Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        inner.StopTaskAsync(identity, subUserId, cancellationToken);

    public Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        inner.GetTaskStateAsync(identity, subUserId, cancellationToken);

    public Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        inner.ReadTaskAsync(identity, subUserId, cancellationToken);

    public Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken) =>
        inner.ListTasksAsync(query, cancellationToken);
}

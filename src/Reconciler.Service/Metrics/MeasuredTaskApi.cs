using System.Diagnostics;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Service.Metrics;

/// <summary>Times every PUT for the latency histogram; everything else passes straight through.</summary>
internal sealed class MeasuredTaskApi(ITaskApi inner, ServiceMetrics metrics) : ITaskApi
{
    public async Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, string bodyJson, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.UpdateTaskAsync(identity, bodyJson, cancellationToken);
        }
        finally
        {
            metrics.PutCompleted(Stopwatch.GetElapsedTime(started));
        }
    }

    public Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        inner.StopTaskAsync(identity, subUserId, cancellationToken);

    public Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        inner.GetTaskStateAsync(identity, subUserId, cancellationToken);
}

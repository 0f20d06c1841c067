using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Loop;

/// <summary>
/// Rollbacks asked of the service (<c>POST /rollback</c>, <c>reconciler rollback --service</c>), handed to the loop: the
/// runner is not re-entrant, so a rollback (or its plan) runs as the next pass, after the fetch, like a sync. The one
/// asking awaits its answer. Only the newest request waits: an older one still waiting is answered as replaced.
/// </summary>
public sealed class RollbackRequests(TriggerQueue triggers)
{
    private readonly Lock _gate = new();
    private RollbackRequest? _pending;

    /// <summary>Queues the request and a pass for it; completes with what the pass did.</summary>
    public Task<RollbackAnswer> RequestAsync(string revision, bool planOnly, CancellationToken cancellationToken)
    {
        var request = new RollbackRequest(revision, planOnly);
        RollbackRequest? replaced;
        lock (_gate)
        {
            (replaced, _pending) = (_pending, request);
        }

        replaced?.Answer.TrySetResult(RollbackAnswer.Refused("replaced by a newer rollback request before it ran"));
        triggers.Request(RunTrigger.Sync);
        return request.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The request the next pass answers, if any.</summary>
    public RollbackRequest? Take()
    {
        lock (_gate)
        {
            var taken = _pending;
            _pending = null;
            return taken;
        }
    }
}

/// <summary>One rollback asked of the service: to <paramref name="Revision"/>, or only its plan.</summary>
public sealed record RollbackRequest(string Revision, bool PlanOnly)
{
    public TaskCompletionSource<RollbackAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

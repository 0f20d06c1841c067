using Microsoft.Extensions.Logging;
using Reconciler.Core.Manifests;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;
using Reconciler.State.Postgres;

namespace Reconciler.Service.Replicas;

/// <summary>
/// What a follower shows, read from the shared state each poll: the leader's last run, each task as the shared state
/// has it (the branch planned against the shared inventory, plan-only: in sync, pending, held back by the shared
/// attempt history, in doubt), and who leads. It fetches the branch (its own clone) but never writes the state and
/// never calls the platform. A read that fails makes the replica not ready: ready means connected to the database.
/// </summary>
public sealed partial class FollowerView(
    PostgresStateStore store,
    IManifestSource source,
    ServiceOptions options,
    ReconcileSettings settings,
    ServiceStatus status,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<FollowerView> logger)
{
    private readonly ManifestPipeline _pipeline = new();
    private SourceSnapshot? _snapshot;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _snapshot = await source.ReadLatestAsync(cancellationToken);
            status.Fetched(_snapshot.Revision!, time.GetUtcNow());
            metrics.Fetched(true, _snapshot.Revision);
        }
        catch (SourceUnavailableException e)
        {
            status.FetchFailed(e.Message, time.GetUtcNow());
            metrics.Fetched(false, null);
        }

        try
        {
            var backoff = new TaskBackoff(options.RetryBase, options.RetryMax);
            backoff.Seed(await store.ReadAttemptsAsync(5_000, cancellationToken));
            var runs = await store.ReadRunsAsync(1, cancellationToken);
            var lastRun = runs.Count > 0 ? runs[0] : null;
            IReadOnlyList<TaskStatusView>? tasks = null;
            if (_snapshot is { } snapshot)
            {
                var pending = await new Reconciliation(settings with { RunningCheck = false }, store, api: null, backoff, time, _pipeline).PlanAsync(snapshot, CompareWith.LiveState, cancellationToken);
                var record = new RunRecord(pending.StartedAt, TimeSpan.Zero, snapshot.Revision, "follower", false, RunOutcomes.None, null);
                tasks = TaskStatusViews.Build(new ReconcileRun(record, pending.Plan, null), backoff); // a follower never reads the platform
            }

            var leader = await store.ReadLeaderAsync(cancellationToken);
            status.Observed(lastRun is null ? null : RunStatusView.From(lastRun), tasks);
            status.LeaderObserved(PostgresLeadership.View(leader));
            metrics.StateUsable(true);
        }
        catch (StateStoreException e)
        {
            LogUnreachable(logger, e.Message);
            status.StateUnreachable(e.Message);
            metrics.StateUsable(false);
        }
    }

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "cannot read the shared state: {Error}; not ready until it can")]
    private static partial void LogUnreachable(ILogger logger, string error);
}

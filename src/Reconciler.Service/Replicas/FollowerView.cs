using Microsoft.Extensions.Logging;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;

namespace Reconciler.Service.Replicas;

/// <summary>
/// What a follower shows, read from the shared state each poll: the leader's last run, each task as the shared state
/// has it (the branch planned against the shared inventory by one plan-only engine, with the <see cref="TaskLedger"/>
/// the shared attempt history implies: in sync, pending, held back, rejected, in doubt), and who leads. It fetches the
/// branch (its own clone) but never writes the state and never calls the platform. A read that fails makes the
/// replica not ready: ready means connected to the database.
/// </summary>
public sealed partial class FollowerView
{
    private readonly IStateStore _store;
    private readonly IRevisionHolds _holds;
    private readonly ILeaderElection _election;
    private readonly IManifestSource _source;
    private readonly RetryPolicy _retry;
    private readonly PlanningEngine _planner;
    private readonly ServiceStatus _status;
    private readonly ServiceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<FollowerView> _logger;
    private SourceSnapshot? _snapshot;

    public FollowerView(IStateStore store, IRevisionHolds holds, ILeaderElection election, IManifestSource source, ServiceOptions options, ReconcileSettings settings, ServiceStatus status, ServiceMetrics metrics, TimeProvider time, ILogger<FollowerView> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        (_store, _holds, _election, _source, _status, _metrics, _time, _logger) = (store, holds, election, source, status, metrics, time, logger);
        _retry = new RetryPolicy(options.RetryBase, options.RetryMax);

        // Plan-only (no API): a follower never reads the platform; one engine, so its evaluation cache lives as long as the replica.
        _planner = new PlanningEngine(settings with { RunningCheck = false }, store, api: null, time);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _snapshot = await _source.ReadLatestAsync(cancellationToken);
            _status.Fetched(_snapshot.Revision!, _time.GetUtcNow());
            _metrics.Fetched(true, _snapshot.Revision);
        }
        catch (SourceUnavailableException e)
        {
            _status.FetchFailed(e.Message, _time.GetUtcNow());
            _metrics.Fetched(false, null);
        }

        try
        {
            var ledger = TaskLedger.FromHistory(await _store.ReadAttemptsAsync(5_000, cancellationToken), _retry);
            var runs = await _store.ReadRunsAsync(1, cancellationToken);
            var hold = await _holds.ReadHoldAsync(cancellationToken);
            IReadOnlyList<TaskStanding>? tasks = null;
            if (_snapshot is { } snapshot)
            {
                var pending = await _planner.PlanAsync(snapshot, CompareWith.LiveState, new PlanOptions(Ledger: ledger), cancellationToken);
                tasks = TaskStandings.Derive(Core.Applying.Rollout.RevisionHoldPolicy.Apply(pending.Plan, hold), null, ledger);
                _metrics.TasksObserved(tasks);
            }

            _status.Observed(runs.Count > 0 ? RunStatusView.From(runs[0]) : null, tasks, ledger);
            _status.LeaderObserved(await _election.ReadLeaderAsync(cancellationToken));
            _status.HoldChanged(hold);
            _metrics.HoldChanged(hold);
            _metrics.StateUsable(true);
        }
        catch (StateStoreException e)
        {
            LogUnreachable(_logger, e.Message);
            _status.StateUnreachable(e.Message);
            _metrics.StateUsable(false);
        }
    }

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "cannot read the shared state: {Error}; not ready until it can")]
    private static partial void LogUnreachable(ILogger logger, string error);
}

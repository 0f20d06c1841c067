using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Service.Configuration;
using Reconciler.Service.Loop;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;

namespace Reconciler.Service.Replicas;

/// <summary>
/// Elects one leader among the replicas sharing a state (<see cref="ILeaderElection"/>; PostgreSQL: each replica waits
/// on the store's advisory lock on its own session, in bounded waits); the server grants it to one waiter the moment the leader's session ends, so a
/// follower takes over as soon as the old leader is gone (killed: at once; network cut: once the server's keepalive
/// probes fail). The leader checks its session every <see cref="CheckEvery"/>; when the session is lost it stops
/// leading at once, and the store has already refused its next write (its next intent), so it sends nothing more.
/// Registered before the reconcile loop, so at shutdown it lets go only after the loop's last pass is recorded.
/// </summary>
public sealed partial class ReplicaLeadership(
    ILeaderElection election,
    IStateStore store,
    ServiceOptions options,
    TriggerQueue triggers,
    ServiceStatus status,
    ServiceMetrics metrics,
    FollowerView follower,
    ILogger<ReplicaLeadership> logger) : BackgroundService, ILeadership
{
    /// <summary>How long one wait for the lock lasts before it is asked again (the server grants it at once when free).</summary>
    public static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(5);

    /// <summary>How often the leader asks its own session whether it is still alive.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private ILeaderTerm? _lease;
    private int _termBegun;

    public bool IsLeader => Volatile.Read(ref _lease) is { IsHeld: true };

    public async Task<bool> BeginTermAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _lease) is not { IsHeld: true } lease || Interlocked.Exchange(ref _termBegun, 1) != 0)
        {
            return false;
        }

        try
        {
            // Bound (or re-bound, when asked) only now, under the lease: a follower never rewrites the shared state.
            await StateEndpoint.EnsureAsync(store, StateEndpoint.Normalize(options.ApiUrl), options.RebindState, cancellationToken);
            return true;
        }
        catch (StateEndpointMismatchException e)
        {
            LogWrongEndpoint(logger, election.Display, e.Message);
            await lease.DisposeAsync();
            return false;
        }
    }

    public Task FollowAsync(CancellationToken cancellationToken) => follower.RefreshAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Leader(false);
        status.ReplicaChanged(new ReplicaStatusView(election.Replica, ReplicaRole.Follower, null, null));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var lease = await election.ClaimAsync(WaitSlice, stoppingToken);
                    if (lease is null)
                    {
                        continue;
                    }

                    await LeadAsync(lease, stoppingToken);
                }
                catch (StateStoreException e)
                {
                    // The database is unreachable: nobody can lead through it now; ask again after a while.
                    LogClaimFailed(logger, e.Message);
                    status.StateUnreachable(e.Message);
                    await Task.Delay(options.Interval, TimeProvider.System, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lease (if any) is released below, after the loop's last pass.
        }
        finally
        {
            if (Interlocked.Exchange(ref _lease, null) is { } held)
            {
                await held.DisposeAsync();
                LogReleased(logger, held.Term);
            }
        }
    }

    private async Task LeadAsync(ILeaderTerm lease, CancellationToken stoppingToken)
    {
        Volatile.Write(ref _termBegun, 0);
        Volatile.Write(ref _lease, lease);
        metrics.Leader(true);
        status.ReplicaChanged(new ReplicaStatusView(election.Replica, ReplicaRole.Leader, lease.Term, lease.Leader));
        LogLeading(logger, lease.Term, election.Replica);
        triggers.Request(RunTrigger.Takeover);
        while (lease.IsHeld)
        {
            await Task.WhenAny(lease.Ended, Task.Delay(CheckEvery, TimeProvider.System, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
            await lease.CheckAsync(stoppingToken);
        }

        Volatile.Write(ref _lease, null);
        metrics.Leader(false);
        status.ReplicaChanged(new ReplicaStatusView(election.Replica, ReplicaRole.Follower, null, null));
        LogLost(logger, lease.Term, lease.EndReason ?? "unknown");
        await lease.DisposeAsync();

        // A replica that just lost its session probably has trouble reaching the database: let the others go first.
        await Task.Delay(options.Interval, TimeProvider.System, stoppingToken);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "leading the replicas (term {Term}) as {Replica}: this replica applies and posts plans")]
    private static partial void LogLeading(ILogger logger, long term, string replica);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "no longer leading (term {Term}): {Reason}; nothing more is sent, following")]
    private static partial void LogLost(ILogger logger, long term, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "released the leadership (term {Term})")]
    private static partial void LogReleased(ILogger logger, long term);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "cannot take part in the leader election: {Error}")]
    private static partial void LogClaimFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 44, Level = LogLevel.Error, Message = "state {State}: {Error}; letting another replica lead")]
    private static partial void LogWrongEndpoint(ILogger logger, string state, string error);
}

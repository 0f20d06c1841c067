using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;
using Reconciler.Core.Validation;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Service.Refresh;
using Reconciler.Service.Status;

namespace Reconciler.Service.Loop;

/// <summary>
/// One pass of the service: fetch the watched branch, then let the engine plan against the live state and apply
/// (<see cref="Reconciliation"/>: the same path as <c>apply</c>). The one result of each run updates the
/// <see cref="TaskLedger"/> (the service's only memory of each task) and is then reported on the way out — status,
/// metrics, notifications, log — as Flux's reconcilers finalise status on every exit path.
/// Called by one loop only; not re-entrant.
/// </summary>
public sealed partial class ReconcileRunner(
    ServiceOptions options,
    IManifestSource source,
    Reconciliation engine,
    IStateStore store,
    ServiceStatus status,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<ReconcileRunner> logger,
    IRevisionHolds holds,
    RollbackRequests rollbacks,
    Notifications.Notifier? notifier = null,
    GitHub.PolicyEnforcement? policy = null,
    State.InventoryReload? inventory = null)
{
    private readonly RetryPolicy _retry = new(options.RetryBase, options.RetryMax);
    private readonly RefreshBook _refresh = new(options.Interval, options.Resync, options.MaxRps, time.GetUtcNow());
    private SourceSnapshot? _snapshot;
    private string? _reconciledRevision;
    private string? _reportedInvalidRevision;
    private bool _warnedRefreshRate;

    /// <summary>The last successful fetch; resync and retries re-plan it without contacting the remote.</summary>
    public SourceSnapshot? LastSnapshot => _snapshot;

    /// <summary>Time between two refresh slices for the fleet of the last plan; null before the first plan.</summary>
    public TimeSpan? RefreshTick => _refresh.Pace?.Tick;

    /// <summary>What is remembered of each task; changed only by the runs this runner reports.</summary>
    public TaskLedger Ledger { get; private set; } = TaskLedger.Empty;

    /// <summary>Rebuilds the ledger from the attempt history (at start, and when a new leadership term begins).
    /// The inventory kept in memory is dropped too: another process may have written while this one did not hold the lock.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        inventory?.HistoryRead();
        Ledger = TaskLedger.FromHistory(await store.ReadAttemptsAsync(5_000, cancellationToken), _retry);
    }

    /// <param name="syncTicket">The sync request this pass answers (0: none); a failed fetch's run answers it.</param>
    public async Task<FetchOutcome> FetchAsync(RunTrigger trigger, long syncTicket, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        SourceSnapshot snapshot;
        try
        {
            snapshot = await source.ReadLatestAsync(cancellationToken);
        }
        catch (SourceUnavailableException e)
        {
            status.FetchFailed(e.Message, time.GetUtcNow());
            metrics.Fetched(false, null);
            LogFetchFailed(logger, e.Reason, e.Message, _snapshot?.Revision ?? "none");
            Report(await engine.RecordFailureAsync(trigger, startedAt, time.GetElapsedTime(started), _snapshot?.Revision, $"fetch failed ({e.Reason}): {e.Message}"), syncTicket);
            return FetchOutcome.Failed;
        }

        var previous = _snapshot;
        _snapshot = snapshot;
        status.Fetched(snapshot.Revision!, time.GetUtcNow());
        metrics.Fetched(true, snapshot.Revision);
        if (snapshot.Revision == _reconciledRevision)
        {
            return FetchOutcome.Unchanged;
        }

        LogMoved(logger, options.Branch, Short(previous?.Revision), Short(snapshot.Revision), source.CountChanged(previous?.Revision, snapshot.Revision!) ?? -1, time.GetElapsedTime(started).TotalMilliseconds);
        return FetchOutcome.Moved;
    }

    /// <summary>Plans the last fetched revision and applies what it may. Returns false when nothing has been fetched yet.</summary>
    /// <param name="refresh">Read live tasks (drift): the slice that is due (<see cref="RefreshSlice"/>); the loop decides, by its triggers.</param>
    /// <param name="yieldRefresh">Cancelled when a push (or sync) is waiting: the refresh slice stops reading and the pass ends sooner.</param>
    public async Task<bool> ReconcileAsync(RunTrigger trigger, bool refresh, long syncTicket, CancellationToken stopping, CancellationToken yieldRefresh = default)
    {
        if (_snapshot is not { } snapshot)
        {
            return false;
        }

        if (rollbacks.Take() is { } rollback && await AnswerRollbackAsync(rollback, snapshot, syncTicket, stopping))
        {
            return true;
        }

        var startedAt = time.GetUtcNow();
        var slice = refresh ? _refresh.Slice(startedAt, yieldRefresh) : null;
        ReconcileRun run;
        try
        {
            // Read from the store on every pass: another replica, an earlier process or `sync --resume` may have changed it.
            var hold = await CurrentHoldAsync(snapshot.Revision, stopping);
            inventory?.PassStarting(trigger);
            var pending = await engine.PlanAsync(snapshot, new PlanOptions(Refresh: refresh, Ledger: Ledger, RefreshSelection: slice), stopping);
            metrics.PlanWork.Planned(engine.Pipeline.LastEvaluatedFiles, engine.Pipeline.LastCachedFiles);
            ReportInvalid(pending, snapshot.Revision);
            pending = pending with { Plan = RevisionHoldPolicy.Apply(pending.Plan, hold) };
            if (policy is not null)
            {
                // The audit, and owned changes held back without their owners' approval (the rest applies).
                pending = await policy.ApplyAsync(pending, snapshot.Revision, stopping);
            }

            // The stopping token only stops new PUTs; requests in flight get the grace period and are recorded.
            run = await engine.ApplyAsync(pending, trigger, null, stopping);
            await RecordHaltAsync(run, snapshot.Revision);
        }
        catch (StateStoreException e)
        {
            // The state cannot even be read (deleted, replaced, unreadable): nothing was sent; say so everywhere.
            run = engine.StateFailure(trigger, startedAt, snapshot.Revision, e);
        }

        _reconciledRevision = run.Succeeded ? snapshot.Revision : null;
        ConsecutiveFailedRuns = run.Succeeded ? 0 : ConsecutiveFailedRuns + 1;
        if (slice is { Yielded: > 0 })
        {
            LogRefreshYielded(logger, slice.Chosen.Count, slice.Yielded);
        }

        var ages = _refresh.Record(run.Plan, slice, time.GetUtcNow());
        if (options.Refresh)
        {
            metrics.Refresh.Recorded(slice?.Chosen.Count ?? 0, ages, _refresh.Summary);
            status.Refreshed(_refresh.Summary);
            WarnWhenTheRateCannotKeepThePeriod(_refresh.Summary);
        }

        Report(run, syncTicket);
        return true;
    }

    /// <summary>
    /// The open hold, after releasing one that no longer applies: the branch moved away from a halted or rolled-back
    /// revision, so the new revision is applied normally.
    /// </summary>
    private async Task<RevisionHold?> CurrentHoldAsync(string? revision, CancellationToken cancellationToken)
    {
        var hold = await holds.ReadHoldAsync(cancellationToken);
        if (hold is not null && revision is not null && hold.Revision != revision)
        {
            await holds.ReleaseHoldAsync(time.GetUtcNow(), $"the branch moved to {revision}", cancellationToken);
            LogHoldReleased(logger, hold.ToString(), Short(revision));
            hold = null;
        }

        HoldChanged(hold);
        return hold;
    }

    /// <summary>A staged rollout that halted is recorded before anything else, so no later pass (here, on another replica, after a restart) continues it.</summary>
    private async Task RecordHaltAsync(ReconcileRun run, string? revision)
    {
        if (run.Report?.Halt is not { } halt || revision is null)
        {
            return;
        }

        // Never cancelled: a halt that happened must be recorded even while the service stops.
        var hold = await holds.HoldAsync(new RevisionHold(RevisionHoldKind.Halted, revision, time.GetUtcNow(), halt), CancellationToken.None);
        LogHalted(logger, Short(revision), halt.ToString());
        HoldChanged(hold);
        notifier?.ReportHalt(hold);
    }

    private void HoldChanged(RevisionHold? hold)
    {
        status.HoldChanged(hold);
        metrics.HoldChanged(hold);
    }

    /// <summary>Runs in a row that ended in an error (the state store, a failed record): the loop backs off on them.</summary>
    public int ConsecutiveFailedRuns { get; private set; }

    /// <summary>
    /// The one place a finished run is reported: the ledger takes it in, then the task states derived from both
    /// (<see cref="TaskStandings"/>) feed status, metrics and notifications, and the log reads the same result.
    /// </summary>
    private void Report(ReconcileRun run, long syncTicket)
    {
        foreach (var (task, fields) in Ledger.NewlyDrifted(run))
        {
            LogDrifted(logger, task.ToString(), string.Join(", ", fields), options.SelfHeal ? "re-applying it (self-heal)" : "reported only (self-heal is off)");
        }

        Ledger = Ledger.After(run);
        var tasks = WithLastReads(TaskStandings.Derive(run, Ledger));
        status.RunCompleted(run, tasks, Ledger, syncTicket);
        metrics.RunCompleted(run, tasks, Ledger);
        if (tasks is not null)
        {
            // What changed since the last run, queued for the receivers; never waits for them.
            notifier?.Report(status.Current.Tasks, run.Record.Revision);
        }

        // A platform failure (unreachable, a token refused) is one line in the run's error, not one per task.
        foreach (var result in run.Report?.Results.Where(r => r.Outcome != Core.State.ApplyOutcome.Applied && r.Platform is null) ?? [])
        {
            LogTaskNotApplied(logger, result.Entry.Identity.ToString(), result.Entry.File ?? "?", result.Outcome.ToWord(), result.ApiCode, result.Message ?? "");
        }

        if (run.Plan is not { } plan)
        {
            if (run.StateUnusable)
            {
                LogRunFailed(logger, run.Record.Trigger.ToWord(), Short(run.Record.Revision), "Plan: none.", "Apply: nothing sent.", run.Error!);
            }

            return;
        }

        if (run.PendingForWindow)
        {
            LogWindowClosed(logger, plan.Summary.ToString(), options.SyncWindows!.ToString(), options.SyncWindows.NextOpening(run.Record.StartedAt));
        }

        var applied = run.Report?.ToString() ?? (run.PendingForWindow ? "Apply: held back (outside the sync window)." : "Apply: nothing to do.");
        if (run.Error is { } error)
        {
            LogRunFailed(logger, run.Record.Trigger.ToWord(), Short(run.Record.Revision), plan.Summary.ToString(), applied, error);
        }
        else
        {
            LogRun(logger, run.Record.Trigger.ToWord(), Short(run.Record.Revision), plan.Summary.ToString(), applied, run.Outcomes.HeldBack, run.Record.Duration.TotalMilliseconds);
        }
    }

    /// <summary>Invalid manifests are logged once per revision, not on every resync.</summary>
    private void ReportInvalid(PendingPlan pending, string? revision)
    {
        if (_reportedInvalidRevision == revision)
        {
            return;
        }

        _reportedInvalidRevision = revision;
        foreach (var diagnostic in pending.Plan.Diagnostics.Where(d => d.IsError))
        {
            LogInvalid(logger, Short(revision), diagnostic.ToString());
        }
    }

    private static string Short(string? commit) => commit is null ? "none" : commit[..Math.Min(12, commit.Length)];

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "fetch failed ({Kind}): {Error}; keeping the last good revision {LastGood}")]
    private static partial void LogFetchFailed(ILogger logger, string kind, string error, string lastGood);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "{Branch} moved {From} -> {To} ({Changed} manifest file(s) changed; fetch took {FetchMs:0} ms)")]
    private static partial void LogMoved(ILogger logger, string branch, string from, string to, int changed, double fetchMs);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "invalid manifest at {Revision}: {Diagnostic}")]
    private static partial void LogInvalid(ILogger logger, string revision, string diagnostic);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "task {Task} ({File}) {Outcome} [code {ApiCode}]: {Message}")]
    private static partial void LogTaskNotApplied(ILogger logger, string task, string file, string outcome, int? apiCode, string message);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "run ({Trigger}) at {Revision}: {Plan} {Apply} {HeldBack} held back for retry; {DurationMs:0} ms")]
    private static partial void LogRun(ILogger logger, string trigger, string revision, string plan, string apply, int heldBack, double durationMs);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "outside the sync window ({Window}): planned, not applied: {Plan} Next window opens at {Opens:O}")]
    private static partial void LogWindowClosed(ILogger logger, string plan, string window, DateTimeOffset opens);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "task {Task} drifted: changed on the platform ({Fields}); {Action}")]
    private static partial void LogDrifted(ILogger logger, string task, string fields, string action);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "staged rollout of {Revision} {Halt}; nothing more of this revision is sent until a new revision or reconciler sync --resume")]
    private static partial void LogHalted(ILogger logger, string revision, string halt);

    [LoggerMessage(EventId = 19, Level = LogLevel.Information, Message = "hold released ({Hold}): the branch moved to {Revision}")]
    private static partial void LogHoldReleased(ILogger logger, string hold, string revision);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "run ({Trigger}) at {Revision} failed: {Error}; {Plan} {Apply}")]
    private static partial void LogRunFailed(ILogger logger, string trigger, string revision, string plan, string apply, string error);
}

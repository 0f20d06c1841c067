using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Core.Policies;
using Reconciler.Service.Status;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Git;

namespace Reconciler.Service;

/// <summary>
/// One pass of the service, in a fixed order as Flux's reconcilers: fetch → evaluate (one pipeline for the
/// life of the service, so unchanged blobs are never re-parsed) → plan against the store → hold back tasks in
/// backoff → check running state → apply, only inside a sync window → record the run, status and metrics on
/// the way out. Called by one loop only; not re-entrant.
/// </summary>
public sealed partial class ReconcileRunner(
    ServiceOptions options,
    GitRepositorySource source,
    IStateStore store,
    ITaskApi api,
    TaskBackoff backoff,
    ServiceStatus status,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<ReconcileRunner> logger)
{
    private readonly ManifestPipeline _pipeline = new();
    private GitSnapshot? _snapshot;
    private string? _reconciledRevision;
    private string? _reportedInvalidRevision;

    /// <summary>The last successful fetch; resync and retries re-plan it without contacting the remote.</summary>
    public GitSnapshot? LastSnapshot => _snapshot;

    /// <summary>The last run planned changes while the sync window was closed: apply them when it opens.</summary>
    public bool PendingForWindow { get; private set; }

    /// <summary>Seeds the per-task backoff from the attempt history, so a restart does not retry everything at once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        backoff.Seed(await store.ReadAttemptsAsync(5_000, cancellationToken));

    public async Task<FetchOutcome> FetchAsync(string trigger, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        GitSnapshot snapshot;
        try
        {
            snapshot = await source.FetchAsync(cancellationToken);
        }
        catch (GitSourceException e)
        {
            status.FetchFailed(e.Message, time.GetUtcNow());
            metrics.Fetched(false, null);
            LogFetchFailed(logger, e.Kind, e.Message, _snapshot?.CommitId ?? "none");
            var error = $"fetch failed ({e.Kind}): {e.Message}";
            await RecordAsync(new RunRecord(startedAt, Stopwatch.GetElapsedTime(started), _snapshot?.CommitId, trigger, false, new Dictionary<string, int>(), error), null, 0);
            status.RunCompleted(new RunStatusView(trigger, startedAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds, _snapshot?.CommitId, false, new Dictionary<string, int>(), error), null, PendingForWindow);
            return FetchOutcome.Failed;
        }

        var previous = _snapshot;
        _snapshot = snapshot;
        status.Fetched(snapshot.CommitId, time.GetUtcNow());
        metrics.Fetched(true, snapshot.CommitId);
        if (snapshot.CommitId == _reconciledRevision)
        {
            return FetchOutcome.Unchanged;
        }

        LogMoved(logger, options.Branch, Short(previous?.CommitId), Short(snapshot.CommitId), ChangedCount(previous, snapshot), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return FetchOutcome.Moved;
    }

    /// <summary>Plans the last fetched revision and applies what it may. Returns false when nothing has been fetched yet.</summary>
    public async Task<bool> ReconcileAsync(string trigger, CancellationToken stopping)
    {
        if (_snapshot is not { } snapshot)
        {
            return false;
        }

        var startedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var desired = _pipeline.Evaluate(snapshot.Snapshot);
        ReportInvalid(desired, snapshot.CommitId);
        var plan = Planner.Plan(desired, await store.LoadAppliedAsync(stopping));

        var now = time.GetUtcNow();
        var heldBack = plan.Entries.Where(e => backoff.IsHeldBack(e, now)).Select(e => e.Identity!).ToHashSet();
        var toApply = plan with { Entries = plan.Entries.Where(e => e.Identity is null || !heldBack.Contains(e.Identity) || !e.Action.SendsPut()).ToList() };
        var windowOpen = options.SyncWindows?.IsOpen(now) ?? true;
        ApplyReport? report = null;
        if (windowOpen && toApply.Summary.HasChanges)
        {
            if (options.RunningCheck)
            {
                toApply = await RemoteStateChecker.CheckAsync(toApply, api, options.Parallelism, stopping);
            }

            // The stopping token only stops new PUTs; requests in flight get the grace period and are recorded.
            report = await new Applier(api, store, time).ApplyAsync(toApply, new ApplyOptions(options.Parallelism, options.GracePeriod), null, stopping);
            backoff.Record(report.Results, time.GetUtcNow());
            foreach (var result in report.Results.Where(r => r.Outcome != ApplyOutcome.Applied))
            {
                LogTaskNotApplied(logger, result.Entry.Identity?.ToString() ?? "?", result.Entry.File ?? "?", result.Outcome.ToString().ToLowerInvariant(), result.ApiCode, result.Message ?? "");
            }
        }
        else if (!windowOpen && toApply.Summary.HasChanges)
        {
            LogWindowClosed(logger, toApply.Summary.ToString(), options.SyncWindows!.ToString(), options.SyncWindows.NextOpening(now));
        }

        backoff.KeepOnly(plan.Entries.Where(e => e.Action.SendsPut() && e.Identity is not null).Select(e => e.Identity!));
        PendingForWindow = !windowOpen && toApply.Summary.HasChanges;
        _reconciledRevision = snapshot.CommitId;

        var outcomes = Outcomes(plan, report, heldBack.Count, windowOpen ? 0 : toApply.Entries.Count(e => e.Action.SendsPut()));
        var duration = Stopwatch.GetElapsedTime(started);
        var run = new RunRecord(startedAt, duration, snapshot.CommitId, trigger, windowOpen, outcomes, null);
        await RecordAsync(run, plan, heldBack.Count);
        status.RunCompleted(
            new RunStatusView(trigger, startedAt, duration.TotalMilliseconds, snapshot.CommitId, windowOpen, outcomes, null),
            TaskStatusViews.Build(plan, report, backoff, heldBack, windowOpen),
            PendingForWindow);
        LogRun(logger, trigger, Short(snapshot.CommitId), plan.Summary.ToString(), report?.ToString() ?? (windowOpen ? "Apply: nothing to do." : "Apply: held back (outside the sync window)."), heldBack.Count, duration.TotalMilliseconds);
        return true;
    }

    private async Task RecordAsync(RunRecord run, Plan? plan, int heldBack)
    {
        try
        {
            // Never cancelled: a run that happened is recorded even during shutdown.
            await store.RecordRunAsync(run, CancellationToken.None);
        }
        catch (Reconciler.State.StateStoreException e)
        {
            LogRecordFailed(logger, e.Message);
        }

        metrics.RunCompleted(run.Trigger, run.StartedAt, run.Duration, run.Revision, run.Error, run.Outcomes, plan, heldBack);
    }

    private static Dictionary<string, int> Outcomes(Plan plan, ApplyReport? report, int heldBack, int pendingWindow)
    {
        var outcomes = RunOutcomes.Count(plan, report);
        outcomes["held_back"] = heldBack;
        outcomes["pending_window"] = pendingWindow;
        return outcomes;
    }

    /// <summary>Invalid manifests are logged once per revision, not on every resync.</summary>
    private void ReportInvalid(DesiredState desired, string revision)
    {
        if (_reportedInvalidRevision == revision)
        {
            return;
        }

        _reportedInvalidRevision = revision;
        foreach (var diagnostic in desired.Invalid.SelectMany(i => i.Diagnostics).Where(d => d.IsError))
        {
            LogInvalid(logger, Short(revision), diagnostic.ToString());
        }
    }

    private int ChangedCount(GitSnapshot? previous, GitSnapshot current)
    {
        if (previous is null)
        {
            return current.Snapshot.Files.Count;
        }

        try
        {
            return source.ChangedPaths(previous.CommitId, current.CommitId).Count;
        }
        catch (GitSourceException)
        {
            return -1;
        }
    }

    private static string Short(string? commit) => commit is null ? "none" : commit[..Math.Min(12, commit.Length)];

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "fetch failed ({Kind}): {Error}; keeping the last good revision {LastGood}")]
    private static partial void LogFetchFailed(ILogger logger, GitSourceErrorKind kind, string error, string lastGood);

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

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "could not record the run in the state store: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string error);
}

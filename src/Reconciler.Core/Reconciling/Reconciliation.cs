using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Refresh;
using Reconciler.Core.SavedPlans;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The one reconcile engine behind every entry point (<c>plan</c>, <c>apply</c>, the service, pull-request
/// plans), in a fixed order: evaluate → load the baseline → plan → defer (backoff, sync window) → check running
/// tasks → (the caller may confirm) → apply → record the run. Entry points decide when to run and how to show
/// the result; the engine decides what to send. Like gitops-engine's <c>Sync</c>: one path, thin callers.
/// </summary>
public sealed class Reconciliation
{
    private readonly ReconcileSettings _settings;

    /// <summary>How this engine applies (the CLI announces a staged rollout from it).</summary>
    public ReconcileSettings Settings => _settings;
    private readonly IStateStore? _store;
    private readonly ITaskApi? _api;
    private readonly DriftPolicy? _drift;
    private readonly TimeProvider _time;
    private readonly ManifestPipeline _pipeline;

    /// <param name="store">The live state; null for a plan that has none (the state is then empty, nothing can be applied).</param>
    /// <param name="api">The platform; null for plan-only use (no running check, nothing can be applied).</param>
    /// <param name="pipeline">Evaluation with its content cache; one per engine, so a long-lived engine re-parses only changed files.</param>
    /// <param name="drift">What to do with drift found by refresh (the service: self-heal or report); null: re-apply it (an explicit <c>apply --refresh</c>).</param>
    public Reconciliation(ReconcileSettings settings, IStateStore? store = null, ITaskApi? api = null, TimeProvider? time = null, ManifestPipeline? pipeline = null, DriftPolicy? drift = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _store = store;
        _api = api;
        _drift = drift;
        _time = time ?? TimeProvider.System;
        _pipeline = pipeline ?? new ManifestPipeline();
    }

    public ManifestPipeline Pipeline => _pipeline;

    public DesiredState Evaluate(SourceSnapshot snapshot) => _pipeline.Evaluate(snapshot);

    public Task<PendingPlan> PlanAsync(SourceSnapshot snapshot, CompareWith baseline, CancellationToken cancellationToken) =>
        PlanAsync(Evaluate(snapshot), baseline, PlanOptions.Default, cancellationToken);

    /// <summary>Against the live state the inventory is read first, so manifests equal to their records share one body.</summary>
    public async Task<PendingPlan> PlanAsync(SourceSnapshot snapshot, CompareWith baseline, PlanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.Kind != BaselineKind.LiveState || _store is null)
        {
            return await PlanAsync(Evaluate(snapshot), baseline, options, cancellationToken);
        }

        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var applied = await _store.LoadAppliedAsync(cancellationToken);
        var live = await LiveBaselineAsync(_store, applied, startedAt, cancellationToken);
        return await PlanLiveAsync(_pipeline.Evaluate(snapshot, applied), live, options, startedAt, started, cancellationToken);
    }

    public Task<PendingPlan> PlanAsync(DesiredState desired, CompareWith baseline, CancellationToken cancellationToken) =>
        PlanAsync(desired, baseline, PlanOptions.Default, cancellationToken);

    /// <summary>
    /// Plans <paramref name="desired"/> against the baseline, in a fixed order: plan → target → (against the live
    /// state) refresh → drift policy → deferrals (backoff, window) → running check.
    /// </summary>
    public async Task<PendingPlan> PlanAsync(DesiredState desired, CompareWith baseline, PlanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        IReadOnlyList<string> unmatched = [];
        if (baseline.Kind == BaselineKind.BaseRevision)
        {
            var atBase = _pipeline.Evaluate(baseline.BaseSnapshot!);
            var plan = Target(Planner.Plan(desired, Baseline.BaseRevision(baseline.BaseSnapshot!.Revision ?? "base", atBase)), options, out unmatched);
            return new PendingPlan(plan, startedAt, started, WindowOpen: true) { UnmatchedTargets = unmatched };
        }

        var live = _store is null
            ? Baseline.EmptyState
            : await LiveBaselineAsync(_store, await _store.LoadAppliedAsync(cancellationToken), startedAt, cancellationToken);
        return await PlanLiveAsync(desired, live, options, startedAt, started, cancellationToken);
    }

    private async Task<PendingPlan> PlanLiveAsync(DesiredState desired, Baseline live, PlanOptions options, DateTimeOffset startedAt, long started, CancellationToken cancellationToken)
    {
        // One gate per run: a platform failure found by a read (unreachable, token refused) stops every later request.
        var gate = new PlatformGate();
        var api = _api is null ? null : new GatedTaskApi(_api, gate);
        var planned = Target(Planner.Plan(desired, live), options, out var unmatched);
        if (options.Refresh && api is not null)
        {
            planned = await LiveRefresh.RefreshAsync(planned, api, _settings.Parallelism, cancellationToken);
            planned = _drift?.Apply(planned, options.Ledger, startedAt) ?? planned;
        }

        var deferred = DeferralPolicy.Apply(InFlightPolicy.Apply(planned, live.OpenRequests, startedAt), options.Ledger, _settings.SyncWindows, startedAt);
        if (api is not null && _settings.RunningCheck && deferred.ToSend.Any(e => e.Remote is null))
        {
            // The read budget is real time (it bounds real I/O), not the engine's clock, which tests move by hand.
            deferred = await RemoteStateChecker.CheckAsync(deferred, api, _settings.Parallelism, cancellationToken, _settings.ReadBudget, TimeProvider.System);
        }

        return new PendingPlan(deferred, startedAt, started, _settings.SyncWindows?.IsOpen(startedAt) ?? true) { UnmatchedTargets = unmatched, Gate = gate };
    }

    /// <summary>The last-applied records, the tasks in doubt and the requests that may still land, as of <paramref name="now"/>.</summary>
    private static async Task<Baseline> LiveBaselineAsync(IStateStore store, IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, DateTimeOffset now, CancellationToken cancellationToken) =>
        Baseline.LiveState(applied, await store.LoadInDoubtAsync(cancellationToken)) with { OpenRequests = await store.LoadOpenRequestsAsync(now, cancellationToken) };

    /// <summary>
    /// A saved plan (<c>plan --out</c>), checked against what is true now and made pending as it is — its entries and
    /// bodies, nothing planned anew — or refused with every reason (<see cref="SavedPlanCheck"/>; with <c>--refresh</c>,
    /// also a live task that changed since). Call it holding the apply lock, so nothing moves between check and apply.
    /// </summary>
    /// <param name="current">The manifests as they are now, read from the plan's source.</param>
    /// <param name="endpoint">The normalised endpoint this apply sends to.</param>
    /// <exception cref="InvalidOperationException">The engine has no state store.</exception>
    public async Task<SavedPlanVerdict> PlanSavedAsync(SavedPlan saved, DesiredState current, string endpoint, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var store = _store ?? throw new InvalidOperationException("a saved plan is checked against a state store");
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var version = await store.ReadVersionAsync(cancellationToken);
        var bound = await store.ReadEndpointAsync(cancellationToken);
        var applied = await store.LoadAppliedAsync(cancellationToken);
        var inDoubt = await store.LoadInDoubtAsync(cancellationToken);
        var openRequests = await store.LoadOpenRequestsAsync(startedAt, cancellationToken);
        var stale = SavedPlanCheck.Check(saved, new SavedPlanNow(startedAt, maxAge, endpoint, bound, version, applied, inDoubt, current)).ToList();
        var plan = SavedPlanReplay.ToPlan(saved, applied, inDoubt);

        // The same gate as a fresh plan: a platform that cannot be reached or refuses the token stops every later request.
        var gate = new PlatformGate();
        var api = _api is null ? null : new GatedTaskApi(_api, gate);
        if (saved.Options.Refresh && api is not null)
        {
            plan = await LiveRefresh.RefreshAsync(plan, api, _settings.Parallelism, cancellationToken);
            stale.AddRange(saved.Entries.Zip(plan.Entries).Where(x => x.First.LiveDigest is not null && LiveDigest.Of(x.Second) != x.First.LiveDigest).Select(x => new Staleness(
                x.First.Identity,
                x.First.Name,
                x.Second.Refreshed ? "the live task changed on the platform since the plan (--refresh read it again)" : "the live task could not be read again to check that it did not change (--refresh)")));
        }

        if (stale.Count > 0)
        {
            return new SavedPlanVerdict(null, stale);
        }

        // A request of an earlier apply that may still land fences its task here too.
        plan = InFlightPolicy.Apply(plan, openRequests, startedAt);
        if (api is not null && _settings.RunningCheck && plan.ToSend.Any(e => e.Remote is null))
        {
            plan = await RemoteStateChecker.CheckAsync(plan, api, _settings.Parallelism, cancellationToken, _settings.ReadBudget, TimeProvider.System);
        }

        return new SavedPlanVerdict(new PendingPlan(plan, startedAt, started, WindowOpen: true) { Gate = gate }, []);
    }

    private static Plan Target(Plan plan, PlanOptions options, out IReadOnlyList<string> unmatched)
    {
        unmatched = [];
        return options.Targets is { Count: > 0 } targets ? PlanTargets.Keep(plan, targets, out unmatched) : plan;
    }

    /// <summary>
    /// Applies what the plan sends now and records the run. <paramref name="stopStarting"/> only stops new
    /// requests; requests in flight get the grace period and are recorded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine has no state store or no API, or the plan is not against the live state.</exception>
    public async Task<ReconcileRun> ApplyAsync(PendingPlan pending, RunTrigger trigger, IProgress<TaskApplyResult>? progress, CancellationToken stopStarting)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (_store is null || _api is null || pending.Plan.Compared != BaselineKind.LiveState)
        {
            throw new InvalidOperationException("only a plan against the live state, by an engine with a state store and an API, can be applied");
        }

        ApplyReport? report = null;
        if (pending.HasWork)
        {
            report = await new Applier(_api, _store, _time, pending.Gate).ApplyAsync(pending.Plan, new ApplyOptions(_settings.Parallelism, _settings.GracePeriod, _settings.Verify, _settings.Rollout), progress, stopStarting);
        }

        var stateFailed = report?.StateError is not null;
        var failures = pending.Gate.Failures;
        var error = stateFailed ? $"state store failed, nothing more was sent: {report!.StateError}"
            : failures.Count > 0 ? string.Join("; ", failures.Select(f => f.Message))
            : null;
        var record = new RunRecord(pending.StartedAt, _time.GetElapsedTime(pending.StartedTimestamp), pending.Plan.Revision, trigger, pending.WindowOpen, RunOutcomes.Count(pending.Plan, report), error);
        return await RecordAsync(new ReconcileRun(record, pending.Plan, report) { StateUnusable = stateFailed, PlatformFailures = failures });
    }

    /// <summary>Records a run that failed before it could plan (the source could not be read).</summary>
    public Task<ReconcileRun> RecordFailureAsync(RunTrigger trigger, DateTimeOffset startedAt, TimeSpan duration, string? revision, string error) =>
        RecordAsync(new ReconcileRun(new RunRecord(startedAt, duration, revision, trigger, false, RunOutcomes.None, error), null, null));

    /// <summary>A run that could not read the state store at all: reported, not recorded (there is nowhere to record it).</summary>
    public ReconcileRun StateFailure(RunTrigger trigger, DateTimeOffset startedAt, string? revision, StateStoreException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var record = new RunRecord(startedAt, _time.GetUtcNow() - startedAt, revision, trigger, false, RunOutcomes.None, $"state store failed, nothing was sent: {error.Message}");
        return new ReconcileRun(record, null, null) { StateUnusable = true };
    }

    private async Task<ReconcileRun> RecordAsync(ReconcileRun run)
    {
        if (_store is null)
        {
            return run;
        }

        try
        {
            // Never cancelled: a run that happened is recorded even during shutdown.
            await _store.RecordRunAsync(run.Record, CancellationToken.None);
            return run;
        }
        catch (StateStoreException e)
        {
            return run with { Record = run.Record with { Error = run.Error ?? $"could not record the run: {e.Message}" }, StateUnusable = true };
        }
    }
}

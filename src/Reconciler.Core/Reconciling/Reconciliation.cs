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
/// The applying engine behind <c>apply</c> and the service's passes: it plans against the live state through its
/// <see cref="PlanningEngine"/> (evaluate → load the baseline → plan → defer → check running tasks), then — after the
/// caller may confirm — applies and records the run. It is built with the state store and the API it needs, so an
/// engine that cannot apply does not exist; plan-only entry points use a <see cref="PlanningEngine"/>. Entry points
/// decide when to run and how to show the result; the engine decides what to send. Like gitops-engine's <c>Sync</c>:
/// one path, thin callers.
/// </summary>
public sealed class Reconciliation
{
    private readonly ReconcileSettings _settings;
    private readonly IStateStore _store;
    private readonly ITaskApi _api;
    private readonly TimeProvider _time;

    /// <param name="store">The live state: read to plan, written as each task is applied and the run recorded.</param>
    /// <param name="api">The platform: read to plan (refresh, running check), written to apply.</param>
    /// <param name="pipeline">Evaluation with its content cache; one per engine, so a long-lived engine re-parses only changed files.</param>
    /// <param name="drift">What to do with drift found by refresh (the service: self-heal or report); null: re-apply it (an explicit <c>apply --refresh</c>).</param>
    public Reconciliation(ReconcileSettings settings, IStateStore store, ITaskApi api, TimeProvider? time = null, ManifestPipeline? pipeline = null, DriftPolicy? drift = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? TimeProvider.System;
        Planning = new PlanningEngine(settings, store, api, _time, pipeline, drift);
    }

    /// <summary>How this engine applies (the CLI announces a staged rollout from it).</summary>
    public ReconcileSettings Settings => _settings;

    /// <summary>The planning half, over the same store, API and pipeline.</summary>
    public PlanningEngine Planning { get; }

    public ManifestPipeline Pipeline => Planning.Pipeline;

    public DesiredState Evaluate(SourceSnapshot snapshot) => Planning.Evaluate(snapshot);

    /// <summary>Plans <paramref name="snapshot"/> against the live state (the only baseline an engine that applies plans against).</summary>
    public Task<PendingPlan> PlanAsync(SourceSnapshot snapshot, PlanOptions options, CancellationToken cancellationToken) =>
        Planning.PlanAsync(snapshot, CompareWith.LiveState, options, cancellationToken);

    /// <summary>
    /// A saved plan (<c>plan --out</c>), checked against what is true now and made pending as it is — its entries and
    /// bodies, nothing planned anew — or refused with every reason (<see cref="SavedPlanCheck"/>; with <c>--refresh</c>,
    /// also a live task that changed since). Call it holding the apply lock, so nothing moves between check and apply.
    /// </summary>
    /// <param name="current">The manifests as they are now, read from the plan's source.</param>
    /// <param name="endpoint">The normalised endpoint this apply sends to.</param>
    public async Task<SavedPlanVerdict> PlanSavedAsync(SavedPlan saved, DesiredState current, string endpoint, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var version = await _store.ReadVersionAsync(cancellationToken);
        var bound = await _store.ReadEndpointAsync(cancellationToken);
        var applied = await _store.LoadAppliedAsync(cancellationToken);
        var inDoubt = await _store.LoadInDoubtAsync(cancellationToken);
        var openRequests = await _store.LoadOpenRequestsAsync(startedAt, cancellationToken);
        var stale = SavedPlanCheck.Check(saved, new SavedPlanNow(startedAt, maxAge, endpoint, bound, version, applied, inDoubt, current)).ToList();
        var plan = SavedPlanReplay.ToPlan(saved, applied, inDoubt);

        // The same gate as a fresh plan: a platform that cannot be reached or refuses the token stops every later request.
        var gate = new PlatformGate();
        var api = new GatedTaskApi(_api, gate);
        if (saved.Options.Refresh)
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
        if (_settings.RunningCheck && plan.ToSend.Any(e => e.Remote is null))
        {
            plan = await Planning.CheckRunningAsync(plan, api, cancellationToken);
        }

        return new SavedPlanVerdict(new PendingPlan(plan, startedAt, started, WindowOpen: true) { Gate = gate }, []);
    }

    /// <summary>
    /// Applies what the plan sends now and records the run. <paramref name="stopStarting"/> only stops new
    /// requests; requests in flight get the grace period and are recorded.
    /// </summary>
    /// <exception cref="ArgumentException">The plan is not against the live state (a <see cref="PlanningEngine"/>'s plan against a base revision).</exception>
    public async Task<ReconcileRun> ApplyAsync(PendingPlan pending, RunTrigger trigger, IProgress<TaskApplyResult>? progress, CancellationToken stopStarting)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Plan.Compared != BaselineKind.LiveState)
        {
            throw new ArgumentException("only a plan against the live state can be applied", nameof(pending));
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
        var record = new RunRecord(pending.StartedAt, _time.GetElapsedTime(pending.StartedTimestamp), pending.Plan.Revision, trigger, pending.WindowOpen, RunOutcomes.Count(pending.Plan, report), error) { Audit = pending.Audit };
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

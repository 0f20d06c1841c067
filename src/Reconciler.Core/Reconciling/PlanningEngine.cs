using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Refresh;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The planning half of the one reconcile path: evaluate → load the baseline → plan → target → (against the live state)
/// refresh → drift policy → deferrals (backoff, window) → running check. It writes nothing: it has no applier and never
/// records a run, so a plan-only entry point (<c>plan</c>, pull-request plans, a follower's view) cannot apply by
/// mistake; <see cref="Reconciliation"/>, the applying engine, plans through one of these.
/// </summary>
public sealed class PlanningEngine
{
    private readonly ReconcileSettings _settings;
    private readonly IStateStore? _store;
    private readonly ITaskReader? _api;
    private readonly DriftPolicy? _drift;
    private readonly TimeProvider _time;

    /// <param name="store">The live state, only read; null for a plan that has none (the state is then empty).</param>
    /// <param name="api">The platform's reads (refresh, running check): a reader, so planning cannot write; null: no reads, no running check.</param>
    /// <param name="pipeline">Evaluation with its content cache; one per engine, so a long-lived engine re-parses only changed files.</param>
    /// <param name="drift">What to do with drift found by refresh (the service: self-heal or report); null: re-apply it (an explicit <c>apply --refresh</c>).</param>
    public PlanningEngine(ReconcileSettings settings, IStateStore? store = null, ITaskReader? api = null, TimeProvider? time = null, ManifestPipeline? pipeline = null, DriftPolicy? drift = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _store = store;
        _api = api;
        _drift = drift;
        _time = time ?? TimeProvider.System;
        Pipeline = pipeline ?? new ManifestPipeline();
    }

    public ReconcileSettings Settings => _settings;

    public ManifestPipeline Pipeline { get; }

    public DesiredState Evaluate(SourceSnapshot snapshot) => Pipeline.Evaluate(snapshot);

    /// <summary>
    /// The one plan: <paramref name="snapshot"/> evaluated and planned against <paramref name="baseline"/>. Against the live
    /// state the inventory is read after evaluation, each record taking its manifest's body when equal as it is read
    /// (<see cref="BodySharing"/>), so each unchanged body is held once.
    /// </summary>
    public async Task<PendingPlan> PlanAsync(SourceSnapshot snapshot, CompareWith baseline, PlanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        if (baseline.Kind == BaselineKind.BaseRevision)
        {
            var atBase = Pipeline.Evaluate(baseline.BaseSnapshot!);
            var desired = Evaluate(snapshot);

            // Owners from both sides: a pull request cannot drop an owner entry to skip its approval (like CODEOWNERS, read from the base).
            var policy = desired.Policy.CacheKey == atBase.Policy.CacheKey ? desired.Policy : desired.Policy with { Owners = [.. desired.Policy.Owners, .. atBase.Policy.Owners] };
            var plan = Guardrails.PlanLimitCheck.Apply(Target(Planner.Plan(desired, Baseline.BaseRevision(baseline.BaseSnapshot!.Revision ?? "base", atBase)), options, out var unmatched), policy);
            return new PendingPlan(plan, startedAt, started, WindowOpen: true) { UnmatchedTargets = unmatched };
        }

        if (_store is null)
        {
            return await PlanLiveAsync(Evaluate(snapshot), Baseline.EmptyState, options, startedAt, started, cancellationToken);
        }

        if (options is { Refresh: true, RefreshSelection: null, Targets: null or { Count: 0 } } && _api is not null)
        {
            return await PlanWithEarlyReadsAsync(_store, _api, snapshot, options, startedAt, started, cancellationToken);
        }

        var evaluated = Evaluate(snapshot);
        var applied = await _store.LoadAppliedAsync(new BodySharing(evaluated.Tasks).Share, cancellationToken);
        var live = await LiveBaselineAsync(_store, applied, startedAt, cancellationToken);
        return await PlanLiveAsync(evaluated, live, options, startedAt, started, cancellationToken);
    }

    /// <summary>
    /// A refresh of every managed task: the inventory is loaded first and its tasks' reads start while the manifests are
    /// evaluated (<see cref="EarlyReads"/>); the records then share their manifests' bodies as usual, once the evaluation
    /// has them (for a moment the loaded copies are held beside them: this path only, where the reads cost far more).
    /// </summary>
    private async Task<PendingPlan> PlanWithEarlyReadsAsync(IStateStore store, ITaskReader reader, SourceSnapshot snapshot, PlanOptions options, DateTimeOffset startedAt, long started, CancellationToken cancellationToken)
    {
        var gate = new PlatformGate();
        var loaded = await store.LoadAppliedAsync(cancellationToken);
        await using var early = EarlyReads.Start(loaded, snapshot, new GatedTaskReader(reader, gate), _settings.Parallelism, cancellationToken);
        var evaluated = Evaluate(snapshot);
        var sharing = new BodySharing(evaluated.Tasks);
        var applied = loaded.Values.Select(sharing.Share).ToDictionary(r => r.Identity);
        var live = await LiveBaselineAsync(store, applied, startedAt, cancellationToken);
        return await PlanLiveAsync(evaluated, live, options, startedAt, started, cancellationToken, gate, early);
    }

    private async Task<PendingPlan> PlanLiveAsync(DesiredState desired, Baseline live, PlanOptions options, DateTimeOffset startedAt, long started, CancellationToken cancellationToken, PlatformGate? runGate = null, EarlyReads? early = null)
    {
        // One gate per run: a platform failure found by a read (unreachable, token refused) stops every later request.
        var gate = runGate ?? new PlatformGate();
        var api = _api is null ? null : new GatedTaskReader(_api, gate);
        var planned = Guardrails.PlanLimitCheck.Apply(Target(Planner.Plan(desired, live), options, out var unmatched), desired.Policy);
        if (options.Refresh && api is not null)
        {
            planned = await LiveRefresh.RefreshAsync(planned, api, _settings.Parallelism, cancellationToken, options.RefreshSelection, early);
            planned = _drift?.Apply(planned, options.Ledger, startedAt) ?? planned;
        }

        var deferred = DeferralPolicy.Apply(InFlightPolicy.Apply(planned, live.OpenRequests, startedAt), options.Ledger, _settings.SyncWindows, startedAt);
        if (api is not null && _settings.RunningCheck && deferred.ToSend.Any(e => e.Remote is null))
        {
            deferred = await CheckRunningAsync(deferred, api, cancellationToken);
        }

        return new PendingPlan(deferred, startedAt, started, _settings.SyncWindows?.IsOpen(startedAt) ?? true) { UnmatchedTargets = unmatched, Gate = gate };
    }

    /// <summary>The running check. The read budget is real time (it bounds real I/O), not the engine's clock, which tests move by hand.</summary>
    internal Task<Plan> CheckRunningAsync(Plan plan, ITaskReader api, CancellationToken cancellationToken) =>
        RemoteStateChecker.CheckAsync(plan, api, _settings.Parallelism, cancellationToken, _settings.ReadBudget, TimeProvider.System);

    /// <summary>The last-applied records, the tasks in doubt and the requests that may still land, as of <paramref name="now"/>.</summary>
    private static async Task<Baseline> LiveBaselineAsync(IStateStore store, IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, DateTimeOffset now, CancellationToken cancellationToken) =>
        Baseline.LiveState(applied, await store.LoadInDoubtAsync(cancellationToken)) with { OpenRequests = await store.LoadOpenRequestsAsync(now, cancellationToken) };

    private static Plan Target(Plan plan, PlanOptions options, out IReadOnlyList<string> unmatched)
    {
        unmatched = [];
        return options.Targets is { Count: > 0 } targets ? PlanTargets.Keep(plan, targets, out unmatched) : plan;
    }
}

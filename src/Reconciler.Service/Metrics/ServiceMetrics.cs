using Prometheus;
using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;

namespace Reconciler.Service.Metrics;

/// <summary>
/// The service's counters and gauges for <c>/metrics</c>, kept by prometheus-net in a registry of this service's
/// own (tests run several services in one process; the library's default registry is process-wide), plus the
/// library's process and runtime metrics (CPU, memory, threads, handles, GC collections). Every name documented
/// in docs/service.md is kept. Thread-safe.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>The Prometheus text exposition format that <see cref="WriteAsync"/> produces.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] PutBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly ApplyOutcome[] PutOutcomes = [ApplyOutcome.Applied, ApplyOutcome.Blocked, ApplyOutcome.Rejected, ApplyOutcome.Failed, ApplyOutcome.Unauthorized, ApplyOutcome.Cancelled];

    // Gauges that mean "when" or "which": absent until known, rather than a misleading 0.
    private static readonly GaugeConfiguration Unset = new() { SuppressInitialValue = true };

    private readonly Lock _gate = new();
    private readonly Gauge _ready;
    private readonly Gauge _stateUsable;
    private readonly Counter _runs;
    private readonly Counter _outcomes;
    private readonly Counter _verifications;
    private readonly Counter _fetches;
    private readonly Counter _webhooks;
    private readonly Counter _pullRequestPlans;
    private readonly Gauge _planTasks;
    private readonly Gauge _heldBack;
    private readonly Gauge _tasks;
    private readonly Gauge _drifted;
    private readonly Gauge _leader;
    private readonly Gauge _lastRunAt;
    private readonly Gauge _lastRunDuration;
    private readonly Gauge _lastSuccessAt;
    private readonly Gauge _lastSuccessfulRevision;
    private readonly Gauge _watchedRevision;
    private readonly Histogram _putLatency;
    private readonly Gauge _rolledBack;
    private readonly Gauge _rolloutHalted;
    private string? _lastSuccessfulRevisionValue;
    private string? _watchedRevisionValue;

    public ServiceMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Refresh = new RefreshMetrics(Factory);
        PlanWork = new PlanWorkMetrics(Factory);
        _ready = Factory.CreateGauge("reconciler_ready", "1 once the repository has been fetched successfully.");
        _stateUsable = Factory.CreateGauge("reconciler_state_usable", "0 while the state store cannot be read or written (nothing is sent), else 1.");
        _stateUsable.Set(1);
        _runs = Factory.CreateCounter("reconciler_runs_total", "Reconcile runs by trigger and result.", ["trigger", "result"]);
        _outcomes = Factory.CreateCounter("reconciler_task_outcomes_total", "Apply outcomes per task (applied, blocked, rejected, failed, unauthorized, cancelled).", ["outcome"]);
        _verifications = Factory.CreateCounter("reconciler_verifications_total", "Read-backs of accepted updates (Verify) by outcome: verified, unverified (the platform holds other values), unknown (nothing could be compared).", ["outcome"]);
        foreach (var outcome in Enum.GetValues<VerificationOutcome>())
        {
            _verifications.WithLabels(VerificationWord(outcome)).Inc(0);
        }

        _fetches = Factory.CreateCounter("reconciler_fetches_total", "Fetches of the watched repository by result.", ["result"]);
        _webhooks = Factory.CreateCounter("reconciler_webhooks_total", "GitHub webhook deliveries by result (accepted, ignored, ping, unauthorized, disabled, too_large, busy).", ["result"]);
        _pullRequestPlans = Factory.CreateCounter("reconciler_pull_request_plans_total", "Pull-request plans posted by result.", ["result"]);
        _planTasks = Factory.CreateGauge("reconciler_plan_tasks", "Tasks per plan action in the last run.", ["action"]);
        _heldBack = Factory.CreateGauge("reconciler_held_back_tasks", "Tasks waiting for their per-task retry backoff.");
        _tasks = Factory.CreateGauge("reconciler_tasks", "Tasks by state after the last run (the states of /status).", ["state"]);
        _drifted = Factory.CreateGauge("reconciler_drifted_tasks", "Tasks whose live values differed from the manifest when last read (resync refresh).");
        _leader = Factory.CreateGauge("reconciler_leader", "1 while this replica leads (applies and posts plans), 0 while it follows.");
        _leader.Set(1);
        _lastRunAt = Factory.CreateGauge("reconciler_last_run_timestamp_seconds", "When the last run started (Unix time).", Unset);
        _lastRunDuration = Factory.CreateGauge("reconciler_last_run_duration_seconds", "How long the last run took.", Unset);
        _lastSuccessAt = Factory.CreateGauge("reconciler_last_success_timestamp_seconds", "When the last run without error started (Unix time).", Unset);
        _lastSuccessfulRevision = Factory.CreateGauge("reconciler_last_successful_revision_info", "The revision of the last run without error.", ["revision"]);
        _watchedRevision = Factory.CreateGauge("reconciler_watched_revision_info", "The commit the watched branch pointed at on the last successful fetch.", ["revision"]);
        _rolledBack = Factory.CreateGauge("reconciler_rolled_back", "1 while a rollback holds the branch's revision back (until the branch moves or reconciler sync --resume), else 0.");
        _rolloutHalted = Factory.CreateGauge("reconciler_rollout_halted", "1 while a halted staged rollout holds its revision back (until a new revision or reconciler sync --resume), else 0.");
        _putLatency = Factory.CreateHistogram("reconciler_put_duration_seconds", "Latency of each PUT of a task, retries included.", new HistogramConfiguration { Buckets = PutBuckets });
    }

    /// <summary>This service's registry: everything <c>/metrics</c> shows.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The refresh trickle's reads and staleness.</summary>
    public RefreshMetrics Refresh { get; }

    /// <summary>What each plan re-evaluated and re-read (files parsed, inventory loads).</summary>
    public PlanWorkMetrics PlanWork { get; }

    /// <summary>Creates further metrics in <see cref="Registry"/> (the notifier's, a leader gauge, …).</summary>
    public IMetricFactory Factory { get; }

    /// <summary>Writes every metric in the Prometheus text format (<see cref="ContentType"/>).</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) => Registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    private static string VerificationWord(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Verified => "verified",
        VerificationOutcome.Unverified => "unverified",
        _ => "unknown",
    };

    public void PutCompleted(TimeSpan duration) => _putLatency.Observe(duration.TotalSeconds);

    public void Fetched(bool success, string? revision)
    {
        _fetches.WithLabels(success ? "success" : "error").Inc();
        if (success)
        {
            _ready.Set(1);
            lock (_gate)
            {
                _watchedRevisionValue = SwapInfo(_watchedRevision, _watchedRevisionValue, revision);
            }
        }
    }

    /// <param name="tasks">Where each task stands after the run (null: the run failed before planning; the gauges keep their values).</param>
    public void RunCompleted(ReconcileRun run, IReadOnlyList<TaskStanding>? tasks, TaskLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ledger);
        var record = run.Record;
        lock (_gate)
        {
            _runs.WithLabels(record.Trigger.ToWord(), run.Succeeded ? "success" : "error").Inc();

            // The PUTs of this run, by their answer (a body rejected earlier and not sent again is not counted twice).
            foreach (var outcome in PutOutcomes)
            {
                _outcomes.WithLabels(outcome.ToWord()).Inc(run.Report?.Count(outcome) ?? 0);
            }

            foreach (var read in run.Report?.Results.Where(r => r.Verification is not null) ?? [])
            {
                _verifications.WithLabels(VerificationWord(read.Verification!.Outcome)).Inc();
            }

            _stateUsable.Set(run.StateUnusable ? 0 : 1);
            var startedAt = record.StartedAt.ToUnixTimeMilliseconds() / 1000.0;
            _lastRunAt.Set(startedAt);
            _lastRunDuration.Set(record.Duration.TotalSeconds);
            if (run.Succeeded)
            {
                _lastSuccessAt.Set(startedAt);
                _lastSuccessfulRevisionValue = SwapInfo(_lastSuccessfulRevision, _lastSuccessfulRevisionValue, record.Revision);
            }

            if (run.Plan is { } plan)
            {
                foreach (var action in Enum.GetValues<PlanAction>())
                {
                    _planTasks.WithLabels(action.ToWord()).Set(plan.Rows.Count(e => e.Action == action));
                }
            }

            _drifted.Set(ledger.DriftedCount);
        }

        if (tasks is not null)
        {
            TasksObserved(tasks);
        }
    }

    /// <summary>Tasks by state (a leader's last run, or what a follower read from the shared state).</summary>
    public void TasksObserved(IReadOnlyList<TaskStanding> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        // Counted as the lines stream by: a grouping would hold every line at once, and most are written out on read (TaskLines).
        var counts = new Dictionary<TaskState, int>();
        foreach (var task in tasks)
        {
            counts[task.State] = counts.GetValueOrDefault(task.State) + 1;
        }
        lock (_gate)
        {
            foreach (var state in TaskStateWords.All)
            {
                _tasks.WithLabels(state.ToWord()).Set(counts.GetValueOrDefault(state));
            }

            _heldBack.Set(counts.GetValueOrDefault(TaskState.HeldBack));
        }
    }

    /// <summary>Whether this replica leads (always, with an SQLite state: the service holds its lock).</summary>
    /// <summary>The revision held back as the state store has it now (null: none).</summary>
    public void HoldChanged(Core.State.RevisionHold? hold)
    {
        _rolloutHalted.Set(hold?.Kind == Core.State.RevisionHoldKind.Halted ? 1 : 0);
        _rolledBack.Set(hold?.Kind == Core.State.RevisionHoldKind.RolledBack ? 1 : 0);
    }

    public void Leader(bool leading) => _leader.Set(leading ? 1 : 0);

    /// <summary>A follower's read of the shared state worked (or not).</summary>
    public void StateUsable(bool usable) => _stateUsable.Set(usable ? 1 : 0);

    public void Webhook(string result) => _webhooks.WithLabels(result).Inc();

    public void PullRequestPlanned(string result) => _pullRequestPlans.WithLabels(result).Inc();

    /// <summary>An info gauge shows one revision at a time: the old series goes when the revision changes.</summary>
    private static string? SwapInfo(Gauge gauge, string? previous, string? current)
    {
        if (previous == current)
        {
            return current;
        }

        if (previous is not null)
        {
            gauge.RemoveLabelled(previous);
        }

        if (current is not null)
        {
            gauge.WithLabels(current).Set(1);
        }

        return current;
    }
}

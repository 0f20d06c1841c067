using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Metrics;

/// <summary>
/// The service's counters and gauges, rendered by hand in the Prometheus text format for <c>/metrics</c>
/// (no exporter package needed for a dozen series). Thread-safe.
/// </summary>
public sealed class ServiceMetrics
{
    private static readonly double[] PutBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Trigger, string Result), long> _runs = [];
    private readonly Dictionary<string, long> _outcomes = [];
    private readonly Dictionary<string, long> _fetches = [];
    private readonly Dictionary<string, long> _webhooks = [];
    private readonly Dictionary<string, long> _pullRequestPlans = [];
    private readonly Histogram _putLatency = new(PutBuckets);
    private IReadOnlyDictionary<string, int> _planActions = new Dictionary<string, int>();
    private double? _lastRunAt;
    private double? _lastRunDuration;
    private double? _lastSuccessAt;
    private string? _lastSuccessfulRevision;
    private string? _watchedRevision;
    private int _heldBack;
    private bool _ready;
    private bool _stateUsable = true;
    private int _drifted;
    private bool _leader = true;

    public void PutCompleted(TimeSpan duration)
    {
        lock (_gate)
        {
            _putLatency.Observe(duration.TotalSeconds);
        }
    }

    public void Fetched(bool success, string? revision)
    {
        lock (_gate)
        {
            Increment(_fetches, success ? "success" : "error");
            if (success)
            {
                _ready = true;
                _watchedRevision = revision;
            }
        }
    }

    public void RunCompleted(ReconcileRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record;
        lock (_gate)
        {
            var key = (record.Trigger, run.Succeeded ? "success" : "error");
            _runs[key] = _runs.GetValueOrDefault(key) + 1;
            foreach (var outcome in ApplyOutcomeWords)
            {
                Increment(_outcomes, outcome, record.Outcomes[outcome]);
            }

            _stateUsable = !run.StateUnusable;
            _lastRunAt = record.StartedAt.ToUnixTimeMilliseconds() / 1000.0;
            _lastRunDuration = record.Duration.TotalSeconds;
            if (run.Succeeded)
            {
                _lastSuccessAt = _lastRunAt;
                _lastSuccessfulRevision = record.Revision;
            }

            if (run.Plan is { } plan)
            {
                _planActions = Enum.GetValues<PlanAction>().ToDictionary(a => a.ToWord(), a => plan.Entries.Count(e => e.Action == a));
                _heldBack = record.Outcomes.HeldBack;
            }
        }
    }

    private static readonly string[] ApplyOutcomeWords = ["applied", "blocked", "rejected", "failed", "unauthorized", "cancelled"];

    /// <summary>Tasks last seen drifted (changed on the platform).</summary>
    public void Drifted(int count)
    {
        lock (_gate)
        {
            _drifted = count;
        }
    }

    /// <summary>Whether this replica leads (always, with an SQLite state: the service holds its lock).</summary>
    public void Leader(bool leading)
    {
        lock (_gate)
        {
            _leader = leading;
        }
    }

    /// <summary>A follower's read of the shared state worked (or not).</summary>
    public void StateUsable(bool usable)
    {
        lock (_gate)
        {
            _stateUsable = usable;
        }
    }

    public void Webhook(string result)
    {
        lock (_gate)
        {
            Increment(_webhooks, result);
        }
    }

    public void PullRequestPlanned(string result)
    {
        lock (_gate)
        {
            Increment(_pullRequestPlans, result);
        }
    }

    public string Render()
    {
        lock (_gate)
        {
            var text = new PrometheusText();
            text.Family("reconciler_ready", "gauge", "1 once the repository has been fetched successfully.").Sample("reconciler_ready", _ready ? 1 : 0);
            text.Family("reconciler_state_usable", "gauge", "0 while the state store cannot be read or written (nothing is sent), else 1.").Sample("reconciler_state_usable", _stateUsable ? 1 : 0);
            text.Family("reconciler_leader", "gauge", "1 while this replica leads (applies and posts plans), 0 while it follows.").Sample("reconciler_leader", _leader ? 1 : 0);
            text.Family("reconciler_runs_total", "counter", "Reconcile runs by trigger and result.");
            foreach (var ((trigger, result), count) in _runs.OrderBy(r => r.Key.Trigger, StringComparer.Ordinal).ThenBy(r => r.Key.Result, StringComparer.Ordinal))
            {
                text.Sample("reconciler_runs_total", count, ("trigger", trigger), ("result", result));
            }

            Counter(text, "reconciler_task_outcomes_total", "Apply outcomes per task (applied, blocked, rejected, failed, unauthorized, cancelled).", "outcome", _outcomes);
            Counter(text, "reconciler_fetches_total", "Fetches of the watched repository by result.", "result", _fetches);
            Counter(text, "reconciler_webhooks_total", "GitHub webhook deliveries by result (accepted, ignored, unauthorized, disabled).", "result", _webhooks);
            Counter(text, "reconciler_pull_request_plans_total", "Pull-request plans posted by result.", "result", _pullRequestPlans);
            text.Family("reconciler_plan_tasks", "gauge", "Tasks per plan action in the last run.");
            foreach (var (action, count) in _planActions.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                text.Sample("reconciler_plan_tasks", count, ("action", action));
            }

            text.Family("reconciler_drifted_tasks", "gauge", "Tasks whose live values differed from the manifest when last read (resync refresh).").Sample("reconciler_drifted_tasks", _drifted);
            text.Family("reconciler_held_back_tasks", "gauge", "Tasks waiting for their per-task retry backoff.").Sample("reconciler_held_back_tasks", _heldBack);
            Gauge(text, "reconciler_last_run_timestamp_seconds", "When the last run started (Unix time).", _lastRunAt);
            Gauge(text, "reconciler_last_run_duration_seconds", "How long the last run took.", _lastRunDuration);
            Gauge(text, "reconciler_last_success_timestamp_seconds", "When the last run without error started (Unix time).", _lastSuccessAt);
            Info(text, "reconciler_last_successful_revision_info", "The revision of the last run without error.", _lastSuccessfulRevision);
            Info(text, "reconciler_watched_revision_info", "The commit the watched branch pointed at on the last successful fetch.", _watchedRevision);
            text.Family("reconciler_put_duration_seconds", "histogram", "Latency of each PUT of a task, retries included.");
            _putLatency.WriteTo(text, "reconciler_put_duration_seconds");
            return text.ToString();
        }
    }

    private static void Counter(PrometheusText text, string name, string help, string label, Dictionary<string, long> values)
    {
        text.Family(name, "counter", help);
        foreach (var (key, count) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Sample(name, count, (label, key));
        }
    }

    private static void Gauge(PrometheusText text, string name, string help, double? value)
    {
        if (value is { } v)
        {
            text.Family(name, "gauge", help).Sample(name, v);
        }
    }

    private static void Info(PrometheusText text, string name, string help, string? revision)
    {
        if (revision is not null)
        {
            text.Family(name, "gauge", help).Sample(name, 1, ("revision", revision));
        }
    }

    private static void Increment(Dictionary<string, long> counts, string key, long by = 1) => counts[key] = counts.GetValueOrDefault(key) + by;
}

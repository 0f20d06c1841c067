using Prometheus;
using Reconciler.Service.Refresh;

namespace Reconciler.Service.Metrics;

/// <summary>How fresh the live reads are (the refresh trickle), in the service's registry. Thread-safe.</summary>
public sealed class RefreshMetrics
{
    // From a slice a minute apart to a fleet read less than once an hour.
    private static readonly double[] AgeBuckets = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600];

    private readonly Counter _reads;
    private readonly Histogram _staleness;
    private readonly Gauge _maxStaleness;
    private readonly Gauge _neverRead;
    private readonly Gauge _overdue;

    public RefreshMetrics(IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _reads = factory.CreateCounter("reconciler_refresh_reads_total", "Live task reads sent by the refresh trickle.");
        _staleness = factory.CreateHistogram("reconciler_refresh_staleness_seconds", "How old a task's previous live read was when the refresh read it again (never read: since the service started).", new HistogramConfiguration { Buckets = AgeBuckets });
        _maxStaleness = factory.CreateGauge("reconciler_refresh_staleness_max_seconds", "The oldest last live read among the managed tasks after the last run, in seconds (never read: since the service started).");
        _neverRead = factory.CreateGauge("reconciler_refresh_never_read_tasks", "Managed tasks not read live since the service started.");
        _overdue = factory.CreateGauge("reconciler_refresh_overdue_tasks", "Managed tasks whose last live read is older than one resync period and one slice.");
    }

    /// <param name="ages">The previous read's age of each task read successfully in this run.</param>
    public void Recorded(int reads, IReadOnlyList<TimeSpan> ages, RefreshSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(ages);
        _reads.Inc(reads);
        foreach (var age in ages)
        {
            _staleness.Observe(age.TotalSeconds);
        }

        if (summary is not null)
        {
            _maxStaleness.Set(summary.MaxStalenessSeconds);
            _neverRead.Set(summary.NeverRead);
            _overdue.Set(summary.Overdue);
        }
    }
}

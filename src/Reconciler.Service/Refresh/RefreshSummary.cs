namespace Reconciler.Service.Refresh;

/// <summary>How fresh the service's knowledge of the live tasks is (<c>/status</c>'s <c>refresh</c>, the metrics).</summary>
/// <param name="PeriodSeconds">Every task is meant to be read once per this period (the resync period).</param>
/// <param name="TickSeconds">Seconds between two slices.</param>
/// <param name="Tasks">Managed tasks the refresh can read.</param>
/// <param name="NeverRead">Tasks not read successfully since the service started.</param>
/// <param name="Overdue">Tasks whose last successful read (or the service's start) is older than one period and a slice.</param>
/// <param name="MaxStalenessSeconds">The oldest last read, in seconds before now (a task never read counts from the service's start).</param>
/// <param name="MedianStalenessSeconds">The median of the same ages.</param>
/// <param name="LastSliceReads">Reads the last slice sent.</param>
/// <param name="NeededReadsPerSecond">What reading every task once per period takes.</param>
/// <param name="KeptByRateLimit">False when MaxRps's share for the refresh is below <paramref name="NeededReadsPerSecond"/>: tasks are read less often than once per period.</param>
public sealed record RefreshSummary(
    double PeriodSeconds,
    double TickSeconds,
    int Tasks,
    int NeverRead,
    int Overdue,
    double MaxStalenessSeconds,
    double MedianStalenessSeconds,
    int LastSliceReads,
    double NeededReadsPerSecond,
    bool KeptByRateLimit);

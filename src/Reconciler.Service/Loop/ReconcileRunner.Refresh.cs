using Microsoft.Extensions.Logging;
using Reconciler.Core.Tasks;
using Reconciler.Service.Refresh;

namespace Reconciler.Service.Loop;

/// <summary>The runner's side of the refresh trickle: what each task line says of its last read, and the rate warning.</summary>
public sealed partial class ReconcileRunner
{
    /// <summary>Each task's line with when its live task was last read (<c>/status</c>: how stale each task's drift check is).</summary>
    private TaskLines? WithLastReads(TaskLines? tasks) => tasks?.WithLastReads(_refresh.LastReadAt);

    /// <summary>Once (until it changes): MaxRps's share for the refresh cannot read the fleet once per period.</summary>
    private void WarnWhenTheRateCannotKeepThePeriod(RefreshSummary? summary)
    {
        var tooSlow = summary is { KeptByRateLimit: false };
        if (tooSlow && !_warnedRefreshRate)
        {
            LogRefreshRateShort(logger, summary!.Tasks, summary.PeriodSeconds, summary.NeededReadsPerSecond, options.MaxRps ?? 0);
        }

        _warnedRefreshRate = tooSlow;
    }

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "refresh: reading {Tasks} tasks once per {PeriodSeconds:0} s needs {Needed:0.#} reads/s, more than half of MaxRps {MaxRps}; tasks are read less often (see /status refresh)")]
    private static partial void LogRefreshRateShort(ILogger logger, int tasks, double periodSeconds, double needed, double maxRps);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "refresh: the slice gave its pass back to a waiting push or sync after {Read} live reads; {Left} tasks stay due for the next slice")]
    private static partial void LogRefreshYielded(ILogger logger, int read, int left);
}

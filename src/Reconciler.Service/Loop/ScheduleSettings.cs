using Reconciler.Core.Policies;
using Reconciler.Service.Configuration;

namespace Reconciler.Service.Loop;

/// <summary>The settings that decide when the loop wakes (a slice of <see cref="ServiceOptions"/>).</summary>
/// <param name="Jitter">Share of <paramref name="Interval"/> added at random to each poll delay.</param>
/// <param name="RetryMax">The longest poll delay while fetches fail, and the longest pause after failed runs.</param>
/// <param name="Refresh">A resync reads the live tasks (drift).</param>
/// <param name="Windows">When applying is allowed; null: at any time.</param>
public sealed record ScheduleSettings(TimeSpan Interval, double Jitter, TimeSpan Resync, TimeSpan RetryMax, bool Refresh = true, SyncSchedule? Windows = null)
{
    public static ScheduleSettings From(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Interval, options.Jitter, options.Resync, options.RetryMax, options.Refresh, options.SyncWindows);
    }
}

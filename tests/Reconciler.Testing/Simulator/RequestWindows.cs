namespace Reconciler.Testing.Simulator;

/// <summary>Requests per one-second window, from the arrival times in the simulator's request log (rate-limit tests).</summary>
public static class RequestWindows
{
    /// <summary>The most arrivals within any one second, the windows starting at each arrival not before <paramref name="from"/>.</summary>
    public static int BusiestSecond(IReadOnlyList<DateTimeOffset> arrivals, DateTimeOffset? from = null)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var ordered = arrivals.Order().ToList();
        return ordered.Select((start, i) => start < (from ?? DateTimeOffset.MinValue) ? 0 : ordered.Skip(i).TakeWhile(a => a - start < TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty(0).Max();
    }

    /// <summary>Arrivals a second between the first and the last.</summary>
    public static double MeanRate(IReadOnlyList<DateTimeOffset> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        return arrivals.Count < 2 ? 0 : (arrivals.Count - 1) / (arrivals.Max() - arrivals.Min()).TotalSeconds;
    }

    /// <summary>The gaps between arrivals in milliseconds, for a failure message.</summary>
    public static string Gaps(IReadOnlyList<DateTimeOffset> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var ordered = arrivals.Order().ToList();
        return string.Join(",", ordered.Zip(ordered.Skip(1), (a, b) => (int)(b - a).TotalMilliseconds));
    }
}

namespace Reconciler.Service.Refresh;

/// <summary>
/// How fast the service reads live tasks: the whole fleet once per <paramref name="Period"/> (the resync period), in
/// slices one <paramref name="Tick"/> apart, never more than <paramref name="SliceCap"/> reads a slice.
/// </summary>
/// <param name="SliceCap">Reads one slice may send (from MaxRps); null: no request-rate limit is set.</param>
public sealed record RefreshPace(TimeSpan Period, TimeSpan Tick, int? SliceCap)
{
    /// <summary>
    /// The share of MaxRps the refresh may take, over a slice (our choice): the other half stays for the PUTs, the
    /// running check and the read-backs that share the same limiter.
    /// </summary>
    public const double RateShare = 0.5;

    /// <summary>
    /// Slices as often as the poll interval allows, and no more slices a period than there are tasks (one task is read
    /// once per period, as before; a large fleet is read in resync/interval slices).
    /// </summary>
    public static RefreshPace For(int managed, TimeSpan interval, TimeSpan resync, double? maxRps)
    {
        var byInterval = interval > TimeSpan.Zero ? (int)Math.Ceiling(resync / interval) : 1;
        var slices = Math.Clamp(byInterval, 1, Math.Max(1, managed));
        var tick = resync / slices;
        int? cap = maxRps is { } rps ? (int)Math.Max(1, Math.Floor(rps * tick.TotalSeconds * RateShare)) : null;
        return new RefreshPace(resync, tick, cap);
    }

    /// <summary>The reads per second that reading <paramref name="managed"/> tasks once per period needs.</summary>
    public double NeededRate(int managed) => Period > TimeSpan.Zero ? managed / Period.TotalSeconds : 0;

    /// <summary>Whether the rate limit lets every task be read within one period.</summary>
    public bool Keeps(int managed) => SliceCap is not { } cap || (long)cap * Math.Ceiling(Period / Tick) >= managed;
}

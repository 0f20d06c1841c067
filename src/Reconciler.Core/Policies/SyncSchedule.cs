namespace Reconciler.Core.Policies;

/// <summary>
/// The sync windows in their time zone: whether applying is allowed at an instant, and when it next will be.
/// Outside every window the service still fetches, plans and reports; it only holds back the PUTs.
/// </summary>
public sealed record SyncSchedule(IReadOnlyList<SyncWindow> Windows, TimeZoneInfo Zone)
{
    /// <summary>Parses <c>22:00-07:00</c> or a comma-separated list of windows.</summary>
    /// <exception cref="FormatException">A window is malformed.</exception>
    public static SyncSchedule Parse(string windows, TimeZoneInfo zone) =>
        new(windows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SyncWindow.Parse).ToList(), zone);

    /// <summary>Finds an IANA zone (<c>Asia/Shanghai</c>) or <c>UTC</c>.</summary>
    /// <exception cref="FormatException">Unknown zone.</exception>
    public static TimeZoneInfo FindZone(string id)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"unknown time zone '{id}': use an IANA name such as Asia/Shanghai or UTC", e);
        }
    }

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        return Windows.Any(w => w.Contains(local));
    }

    /// <summary>The instant applying is next allowed: <paramref name="now"/> itself when a window is open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var localNow = TimeZoneInfo.ConvertTime(now, Zone).DateTime;
        var best = DateTimeOffset.MaxValue;
        foreach (var window in Windows)
        {
            var candidate = localNow.Date + window.Start.ToTimeSpan();
            if (candidate <= localNow)
            {
                candidate = candidate.AddDays(1);
            }

            // A start inside a daylight-saving gap does not exist that day: the window opens when the clock jumps.
            while (Zone.IsInvalidTime(candidate))
            {
                candidate = candidate.AddMinutes(1);
            }

            var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(candidate, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
            if (utc < best)
            {
                best = utc;
            }
        }

        return best;
    }

    public override string ToString() => $"{string.Join(",", Windows)} {Zone.Id}";
}

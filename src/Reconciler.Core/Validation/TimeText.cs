using System.Globalization;

namespace Reconciler.Core.Validation;

/// <summary>Parsing the time formats the API document uses, without culture surprises.</summary>
internal static class TimeText
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
    ];

    /// <summary><c>HH:MM</c> (00:00–23:59) as minutes after midnight.</summary>
    public static bool TryParseClock(string? text, out int minutes)
    {
        minutes = 0;
        if (text is not { Length: 5 } || text[2] != ':' ||
            !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mins) ||
            hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        return true;
    }

    /// <summary><c>HH:MM:SS</c> as seconds after midnight.</summary>
    public static bool TryParseClockWithSeconds(string? text, out int seconds)
    {
        seconds = 0;
        if (text is not { Length: 8 } || text[5] != ':' || !TryParseClock(text[..5], out var minutes) ||
            !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var secs) || secs > 59)
        {
            return false;
        }

        seconds = (minutes * 60) + secs;
        return true;
    }

    /// <summary>A date-time as the document writes them (<c>2024-12-23 19:00:00</c>, <c>2024/11/1 13:25</c>).</summary>
    public static bool TryParseDateTime(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}

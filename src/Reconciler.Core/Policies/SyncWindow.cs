using System.Globalization;

namespace Reconciler.Core.Policies;

/// <summary>
/// A daily span of local time when applying is allowed, e.g. <c>22:00-07:00</c> (call centres stop dialling at
/// night, so that is when tasks can be changed). A window whose end is before its start crosses midnight.
/// </summary>
public sealed record SyncWindow(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) =>
        Start < End ? time >= Start && time < End : time >= Start || time < End;

    /// <exception cref="FormatException">Not <c>HH:MM-HH:MM</c>, or start equals end.</exception>
    public static SyncWindow Parse(string text)
    {
        var parts = text.Trim().Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryTime(parts[0], out var start) || !TryTime(parts[1], out var end))
        {
            throw new FormatException($"'{text.Trim()}' is not a window: write HH:MM-HH:MM, e.g. 22:00-07:00");
        }

        if (start == end)
        {
            throw new FormatException($"'{text.Trim()}' is empty: start and end are equal (leave the sync window unset to apply at any time)");
        }

        return new SyncWindow(start, end);
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

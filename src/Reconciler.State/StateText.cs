using System.Globalization;

namespace Reconciler.State;

/// <summary>
/// How values are spelled in the state file. Everything is text a person can read with the
/// <c>sqlite3</c> shell, and names are spelled out so that reordering an enum never changes what a
/// stored row means.
/// </summary>
internal static class StateText
{
    // Fixed width with a 'Z': lexical order equals time order, so ORDER BY on the text is correct.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(
            text,
            TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Whole seconds, for messages meant for people (the lock holder's start time).</summary>
    public static string TimestampSeconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

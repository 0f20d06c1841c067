namespace Reconciler.Core.TaskSets;

/// <summary>
/// Bounds that keep a hostile or broken set from exhausting memory or time; each breach is a diagnostic naming the
/// place, never an exception. The CSV is read one row at a time: its bytes, a row, and the items read so far are
/// what it holds.
/// </summary>
/// <param name="MaxCsvBytes">A CSV file larger than this is refused unread (default 64 MiB: 100,000 rows of 600 bytes).</param>
/// <param name="MaxItems">Items in one set, inline and CSV together (default 100,000).</param>
/// <param name="MaxCellChars">Characters in one CSV cell (default 65,536: a task name or a list of lines is far shorter).</param>
/// <param name="MaxColumns">Columns in a CSV header (default 256).</param>
public sealed record TaskSetLimits(
    long MaxCsvBytes = 64L * 1024 * 1024,
    int MaxItems = 100_000,
    int MaxCellChars = 65_536,
    int MaxColumns = 256)
{
    public static readonly TaskSetLimits Default = new();
}

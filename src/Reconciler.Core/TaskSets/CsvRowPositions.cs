using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// Where one CSV row's values are: each cell's line and column in the file (a quoted cell may span lines), so a
/// problem with a value is reported as <c>file.csv:LINE:COLUMN</c> of its cell.
/// </summary>
/// <param name="cells">Each cell's start, by column index; a cell the row does not have is at the row's start.</param>
internal sealed class CsvRowPositions(SourceLocation start, CsvHeader header, (int Line, int Column)[] cells, bool[] blank) : IItemPositions
{
    public SourceLocation Locate(string itemPointer)
    {
        if (itemPointer.Length == 0)
        {
            return start;
        }

        // A spec field is written by the column whose path it is, or lies inside (a JSON list or object cell);
        // a field the item owns only in part (task_extras, through task_extras.start_time) is shown at that column.
        var written = header.Columns.FirstOrDefault(c => !IsBlank(c) && Covers(c.ItemPointer, itemPointer))
            ?? header.Columns.FirstOrDefault(c => !IsBlank(c) && Covers(itemPointer, c.ItemPointer));
        return written is null || written.Index >= cells.Length
            ? start
            : new SourceLocation(start.File, cells[written.Index].Line, cells[written.Index].Column);
    }

    public SourceLocation LocateKey(string itemPointer) => Locate(itemPointer);

    private bool IsBlank(CsvColumn column) => column.Index >= blank.Length || blank[column.Index];

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or a pointer below it.</summary>
    private static bool Covers(string outer, string inner) =>
        inner.StartsWith(outer, StringComparison.Ordinal) && (inner.Length == outer.Length || inner[outer.Length] == '/');
}

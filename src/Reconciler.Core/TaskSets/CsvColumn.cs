using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>One column of a set's CSV file, read from its header.</summary>
/// <param name="Index">0-based position in the row.</param>
/// <param name="Path">For a spec column, the field's path (<c>task_extras.start_time</c> → [task_extras, start_time]); else empty.</param>
/// <param name="Kinds">What the schema allows there: a cell is read as the first of these its text can be.</param>
/// <param name="Header">Where the column's name is written.</param>
internal sealed record CsvColumn(int Index, string Name, CsvColumnRole Role, IReadOnlyList<string> Path, ValueKinds Kinds, SourceLocation Header)
{
    /// <summary>The item pointer this column writes (<c>/task_id</c>, <c>/spec/task_extras/start_time</c>).</summary>
    public string ItemPointer { get; } = Role switch
    {
        CsvColumnRole.TaskId => "/task_id",
        CsvColumnRole.UserId => "/user_id",
        CsvColumnRole.SubUserId => "/sub_user_id",
        _ => Loading.JsonPointers.Of(["spec", .. Path]),
    };
}

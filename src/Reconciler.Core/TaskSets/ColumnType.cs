namespace Reconciler.Core.TaskSets;

/// <summary>A CSV column's verdict: the kinds of value it takes, or why it names no field.</summary>
internal sealed record ColumnType(ValueKinds Kinds, string? ProblemText)
{
    public static ColumnType Of(ValueKinds kinds) => new(kinds, null);

    public static ColumnType Problem(string message) => new(ValueKinds.None, message);
}

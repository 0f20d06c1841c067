using System.Text.Json;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The spec columns of a CSV header as a tree of field names, so each row's non-blank cells are written as one
/// nested <c>spec</c> object (<c>task_extras.start_time</c> and <c>task_extras.stop_time</c> share one
/// <c>task_extras</c>). An object with no non-blank cell below it is not written: the template's stays whole.
/// </summary>
internal sealed class SpecColumns
{
    private readonly List<(string Name, SpecColumns Child)> _children = [];
    private CsvColumn? _column;

    public static SpecColumns Of(IEnumerable<CsvColumn> columns)
    {
        var root = new SpecColumns();
        foreach (var column in columns)
        {
            var node = root;
            foreach (var name in column.Path)
            {
                var next = node._children.FirstOrDefault(c => c.Name == name).Child;
                if (next is null)
                {
                    next = new SpecColumns();
                    node._children.Add((name, next));
                }

                node = next;
            }

            node._column = column;
        }

        return root;
    }

    /// <summary>Writes <c>"spec": {…}</c> when any spec cell of the row is not blank.</summary>
    /// <param name="problem">Called for a cell that cannot be read as its column's type (its text is written instead).</param>
    public void Write(Utf8JsonWriter writer, string?[] values, bool[] blank, Action<CsvColumn, string> problem)
    {
        if (HasValue(blank))
        {
            writer.WritePropertyName("spec");
            WriteNode(writer, values, blank, problem);
        }
    }

    private void WriteNode(Utf8JsonWriter writer, string?[] values, bool[] blank, Action<CsvColumn, string> problem)
    {
        if (_column is { } column)
        {
            var text = values[column.Index]!;
            if (CsvCellTyping.Write(writer, text, column.Kinds) is { } message)
            {
                problem(column, message);
                writer.WriteStringValue(text);
            }

            return;
        }

        writer.WriteStartObject();
        foreach (var (name, child) in _children)
        {
            if (child.HasValue(blank))
            {
                writer.WritePropertyName(name);
                child.WriteNode(writer, values, blank, problem);
            }
        }

        writer.WriteEndObject();
    }

    private bool HasValue(bool[] blank) =>
        _column is { } column ? !blank[column.Index] : _children.Any(c => c.Child.HasValue(blank));
}

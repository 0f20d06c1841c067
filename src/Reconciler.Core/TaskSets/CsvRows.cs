using System.Buffers;
using System.Text.Json;
using nietras.SeparatedValues;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The rows of one CSV file as they arrive: the first non-blank row is the header, each later one an item. Each
/// cell's position is worked out from its place in the row (rows may span lines), its text unquoted here (so a
/// broken quote is seen), and the item written as JSON in the shape of an inline item.
/// </summary>
internal sealed class CsvRows(string file, CsvSchemaContext context, TaskSetLimits limits, int itemBudget)
{
    private readonly List<SetItem> _items = [];
    private readonly List<Diagnostic> _problems = [];
    private CsvHeader? _header;
    private SpecColumns? _spec;

    public int LastLine { get; private set; }

    /// <returns>False when reading must stop (the header is wrong, or the set has too many items).</returns>
    public bool Add(SepReader.Row row, int line)
    {
        LastLine = line;
        var text = row.Span;
        if (row.ColCount == 1 && text.IsEmpty)
        {
            return true; // a blank line
        }

        var cells = new (int Line, int Column)[row.ColCount];
        var values = new string?[row.ColCount];
        var problems = new List<Diagnostic>();
        int scanned = 0, lineAt = line, lineStart = 0;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            var offset = CsvItemReader.Offset(text, raw);
            for (; scanned < offset; scanned++)
            {
                if (text[scanned] == '\n' || (text[scanned] == '\r' && (scanned + 1 >= text.Length || text[scanned + 1] != '\n')))
                {
                    lineAt++;
                    lineStart = scanned + 1;
                }
            }

            cells[i] = (lineAt, offset - lineStart + 1);
            values[i] = Unquote(raw, out var problem);
            if (problem is not null)
            {
                problems.Add(Diagnostic.Error("taskset-csv-cell", problem, new SourceLocation(file, cells[i].Line, cells[i].Column)));
            }
        }

        if (_header is null)
        {
            return ReadHeader(values, cells, problems);
        }

        if (_items.Count >= itemBudget)
        {
            _problems.Add(Diagnostic.Error("taskset-too-many-items", $"the set has more than {limits.MaxItems:N0} items (the limit); split it into several sets", new SourceLocation(file, line, 1)));
            return false;
        }

        _items.Add(Item(values, cells, problems, new SourceLocation(file, line, 1)));
        return true;
    }

    public CsvRead Result()
    {
        if (_header is null && _problems.Count == 0)
        {
            _problems.Add(Diagnostic.Error("taskset-csv", "the CSV file is empty: it needs a header row (task_id, then the spec fields the items set) and one row per task", SourceLocation.StartOf(file)));
        }

        return new CsvRead(_problems, _problems.Count > 0 ? [] : _items);
    }

    private bool ReadHeader(string?[] values, (int Line, int Column)[] cells, List<Diagnostic> problems)
    {
        if (values.Length > limits.MaxColumns)
        {
            _problems.Add(Diagnostic.Error("taskset-csv-header", $"the header has {values.Length:N0} columns; the limit is {limits.MaxColumns:N0}", SourceLocation.StartOf(file)));
            return false;
        }

        _problems.AddRange(problems);
        var names = values.Select((v, i) => (v ?? "", new SourceLocation(file, cells[i].Line, cells[i].Column))).ToList();
        _header = CsvHeader.Read(names, context.Schemas, context.Flavour, context.AllowedExtra);
        _problems.AddRange(_header.Problems);
        _spec = SpecColumns.Of(_header.Spec);
        return _problems.Count == 0;
    }

    private SetItem Item(string?[] values, (int Line, int Column)[] cells, List<Diagnostic> problems, SourceLocation start)
    {
        var header = _header!;
        if (values.Length != Width(header))
        {
            problems.Add(Diagnostic.Error("taskset-csv-row", $"this row has {values.Length} cells; the header has {Width(header)}", start));
        }

        var blank = new bool[Math.Max(values.Length, Width(header))];
        for (var i = 0; i < blank.Length; i++)
        {
            blank[i] = i >= values.Length || string.IsNullOrEmpty(values[i]);
        }

        if (header.TaskId is { } taskId && blank[taskId.Index])
        {
            problems.Add(Diagnostic.Error("taskset-csv-row", "task_id is blank: every row needs the id of its task", start));
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, MergedManifest.WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var column in header.Columns.Where(c => c.Role != CsvColumnRole.Spec && !blank[c.Index]))
            {
                writer.WriteString(column.Name, values[column.Index]);
            }

            _spec!.Write(writer, values, blank, (column, message) =>
                problems.Add(Diagnostic.Error("taskset-csv-cell", $"column '{column.Name}': {message}", new SourceLocation(file, cells[column.Index].Line, cells[column.Index].Column))));
            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var json = JsonElement.ParseValue(ref reader);
        return new SetItem(json, start, new CsvRowPositions(start, header, cells, blank), problems);

        static int Width(CsvHeader header) => header.Columns.Count == 0 ? 0 : header.Columns.Max(c => c.Index) + 1;
    }

    /// <summary>A cell's text: a quoted cell without its quotes and with doubled quotes undone; null (with a problem) when it cannot be read.</summary>
    private string? Unquote(ReadOnlySpan<char> raw, out string? problem)
    {
        problem = null;
        if (raw.Length > limits.MaxCellChars + 2)
        {
            problem = $"this cell is {raw.Length:N0} characters long; the limit is {limits.MaxCellChars:N0}";
            return null;
        }

        if (raw.IsEmpty || raw[0] != '"')
        {
            return raw.ToString();
        }

        var inner = raw.Length >= 2 && raw[^1] == '"' ? raw[1..^1] : [];
        var closed = raw.Length >= 2 && raw[^1] == '"';
        for (var i = 0; closed && i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                closed = i + 1 < inner.Length && inner[i + 1] == '"';
                i++;
            }
        }

        if (!closed)
        {
            problem = "this quoted cell is not closed where it should be: a '\"' inside quotes must be doubled (\"\"), and a cell that opens a quote must end with one";
            return null;
        }

        return inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}

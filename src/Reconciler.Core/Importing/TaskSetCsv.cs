using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.TaskSets;

namespace Reconciler.Core.Importing;

/// <summary>
/// A factored set's items as the CSV a set reads (<c>itemsFrom</c>): <c>task_id</c>, <c>sub_user_id</c> when items
/// have their own, then one column per field an item sets, with dots for fields inside objects. An item goes to the
/// CSV only when every value it sets reads back as itself (<see cref="CsvCellTyping"/> typed by the schema, as the set
/// will read it); any other item (an empty string or null, a digit string where the schema also takes an integer…)
/// stays inline, so the set is exact either way.
/// </summary>
public static class TaskSetCsv
{
    /// <param name="minimumRows">Fewer items than this that fit a CSV are not worth one: then every item is inline.</param>
    /// <returns>The CSV text (null when no CSV is written) and the items to write inline.</returns>
    public static (string? Csv, IReadOnlyList<FactoredItem> Inline) Split(FactoredSet set, int minimumRows, Func<string, bool>? allowedExtra = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var kinds = new Dictionary<string, ValueKinds?>(StringComparer.Ordinal);
        var rows = new List<(FactoredItem Item, Dictionary<string, string> Cells)>();
        var inline = new List<FactoredItem>();
        foreach (var item in set.Items)
        {
            var cells = Cells(set, item, kinds, allowedExtra ?? (_ => false));
            if (cells is null)
            {
                inline.Add(item);
            }
            else
            {
                rows.Add((item, cells));
            }
        }

        // A field one item sets whole and another only in part (an object) cannot be one column: the part goes inline.
        while (Overlap(rows) is { } column)
        {
            inline.AddRange(rows.Where(r => r.Cells.ContainsKey(column)).Select(r => r.Item));
            rows.RemoveAll(r => r.Cells.ContainsKey(column));
        }

        if (rows.Count < minimumRows)
        {
            return (null, set.Items);
        }

        return (Write(rows), inline.OrderBy(i => i.Identity).ToList());
    }

    private static string Write(List<(FactoredItem Item, Dictionary<string, string> Cells)> rows)
    {
        var columns = rows.SelectMany(r => r.Cells.Keys).Distinct(StringComparer.Ordinal).ToList();
        var withSubUsers = rows.Any(r => r.Item.SubUserId is not null);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', ((string[])["task_id", .. withSubUsers ? ["sub_user_id"] : Array.Empty<string>(), .. columns]).Select(Cell))).Append('\n');
        foreach (var (item, cells) in rows)
        {
            IEnumerable<string> row = [item.Identity.TaskId, .. withSubUsers ? [item.SubUserId ?? ""] : Array.Empty<string>(), .. columns.Select(c => cells.GetValueOrDefault(c, ""))];
            csv.Append(string.Join(',', row.Select(Cell))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>The item's cells by column, or null when one of its values cannot be a cell.</summary>
    private static Dictionary<string, string>? Cells(FactoredSet set, FactoredItem item, Dictionary<string, ValueKinds?> kinds, Func<string, bool> allowedExtra)
    {
        if (item.Identity.TaskId.Length == 0 || item.SubUserId is { Length: 0 })
        {
            return null;
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, value) in Leaves(item.Spec, []))
        {
            if (!kinds.TryGetValue(column, out var columnKinds))
            {
                var type = column.Split('.').Any(p => p.Length == 0) ? null : ColumnTypes.Resolve(TaskSetSchema.Default.Roots, set.Flavour, column.Split('.'), allowedExtra);
                kinds[column] = columnKinds = type is { ProblemText: null } ? type.Kinds : null;
            }

            if (columnKinds is not { } known || Text(value) is not { Length: > 0 } text || !ReadsBack(text, known, value))
            {
                return null;
            }

            cells[column] = text;
        }

        return cells;
    }

    private static string? Overlap(List<(FactoredItem Item, Dictionary<string, string> Cells)> rows)
    {
        var columns = rows.SelectMany(r => r.Cells.Keys).Distinct(StringComparer.Ordinal).ToList();
        return columns.FirstOrDefault(a => columns.Any(b => b.Length > a.Length && b.StartsWith(a + ".", StringComparison.Ordinal)));
    }

    /// <summary>Every value an item sets, by dotted path; objects are walked (they merge key by key), lists and values are leaves.</summary>
    private static Dictionary<string, JsonNode?> Leaves(JsonObject spec, List<string> path)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in spec)
        {
            List<string> here = [.. path, key];
            if (value is JsonObject { Count: > 0 } inner)
            {
                foreach (var (innerKey, innerValue) in Leaves(inner, here))
                {
                    leaves[innerKey] = innerValue;
                }
            }
            else
            {
                leaves[string.Join('.', here)] = value;
            }
        }

        return leaves;
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>Whether the set will read <paramref name="text"/> back as exactly <paramref name="value"/>.</summary>
    private static bool ReadsBack(string text, ValueKinds kinds, JsonNode? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (CsvCellTyping.Write(writer, text, kinds) is not null)
            {
                return false;
            }
        }

        return JsonNode.Parse(buffer.WrittenSpan)?.ToJsonString() == value?.ToJsonString();
    }

    /// <summary>A cell as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or outer spaces.</summary>
    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}

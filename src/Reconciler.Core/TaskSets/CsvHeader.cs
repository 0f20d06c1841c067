using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// A set's CSV header, checked once for the whole file: <c>task_id</c> is required, <c>user_id</c> and
/// <c>sub_user_id</c> are optional, every other column is a dotted path into the spec that the body schema knows
/// (typed by it). A problem here is reported once, at the header cell, never once per row.
/// </summary>
internal sealed class CsvHeader
{
    private CsvHeader(IReadOnlyList<CsvColumn> columns, IReadOnlyList<Diagnostic> problems)
    {
        Columns = columns;
        Problems = problems;
        TaskId = columns.FirstOrDefault(c => c.Role == CsvColumnRole.TaskId);
        Spec = columns.Where(c => c.Role == CsvColumnRole.Spec).ToList();
    }

    public IReadOnlyList<CsvColumn> Columns { get; }

    public IReadOnlyList<Diagnostic> Problems { get; }

    public CsvColumn? TaskId { get; }

    /// <summary>The spec columns, in header order.</summary>
    public IReadOnlyList<CsvColumn> Spec { get; }

    /// <param name="names">Each header cell's text and where it is.</param>
    /// <param name="allowedExtra">Whether the repository allows a field beyond the schema (a <c>/spec/…</c> template).</param>
    public static CsvHeader Read(IReadOnlyList<(string Name, SourceLocation At)> names, IReadOnlyDictionary<string, JsonElement> schemas, ApiFlavour flavour, Func<string, bool> allowedExtra)
    {
        var columns = new List<CsvColumn>();
        var problems = new List<Diagnostic>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var (raw, at) = names[i];
            var name = raw.Trim();
            if (name.Length == 0)
            {
                problems.Add(Diagnostic.Error("taskset-csv-header", $"column {i + 1} has no name: every column needs one (task_id, user_id, sub_user_id, or a spec field such as name or task_extras.start_time)", at));
                continue;
            }

            if (!seen.TryAdd(name, at))
            {
                problems.Add(Diagnostic.Error("taskset-csv-header", $"column '{name}' appears twice (first at {seen[name]})", at));
                continue;
            }

            var role = name switch
            {
                "task_id" => CsvColumnRole.TaskId,
                "user_id" => CsvColumnRole.UserId,
                "sub_user_id" => CsvColumnRole.SubUserId,
                _ => CsvColumnRole.Spec,
            };
            if (role != CsvColumnRole.Spec)
            {
                columns.Add(new CsvColumn(i, name, role, [], ValueKinds.String, at));
                continue;
            }

            var path = name.Split('.');
            if (path.Any(p => p.Length == 0))
            {
                problems.Add(Diagnostic.Error("taskset-csv-header", $"column '{name}' is not a field path: write spec fields with dots between names, e.g. task_extras.start_time", at));
                continue;
            }

            var type = ColumnTypes.Resolve(schemas, flavour, path, allowedExtra);
            if (type.ProblemText is { } problem)
            {
                var hint = path[0] == "spec" ? " (columns name spec fields without 'spec.', e.g. name or task_extras.start_time)" : "";
                problems.Add(Diagnostic.Error("taskset-csv-header", $"column '{name}': {problem}{hint}", at));
                continue;
            }

            columns.Add(new CsvColumn(i, name, role, path, type.Kinds, at));
        }

        problems.AddRange(Overlaps(columns));
        if (!columns.Any(c => c.Role == CsvColumnRole.TaskId) && !problems.Any(p => p.Message.StartsWith("column 'task_id'", StringComparison.Ordinal)))
        {
            problems.Add(Diagnostic.Error("taskset-csv-header", "the header has no task_id column: every row needs the id of its task", names.Count > 0 ? names[0].At : null));
        }

        return new CsvHeader(columns, problems);
    }

    /// <summary>A column that is a prefix of another (<c>task_extras</c> and <c>task_extras.line</c>) would write one field twice.</summary>
    private static IEnumerable<Diagnostic> Overlaps(List<CsvColumn> columns)
    {
        var spec = columns.Where(c => c.Role == CsvColumnRole.Spec).ToList();
        foreach (var inner in spec)
        {
            if (spec.FirstOrDefault(outer => outer != inner && outer.Path.Count < inner.Path.Count && inner.Path.Take(outer.Path.Count).SequenceEqual(outer.Path)) is { } outer)
            {
                yield return Diagnostic.Error("taskset-csv-header", $"column '{inner.Name}' is inside column '{outer.Name}' ({outer.Header}): write the field once", inner.Header);
            }
        }
    }
}

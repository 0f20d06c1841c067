using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The pull-request format: marker, one summary line, errors, warnings, a table of changes and a
/// collapsible diff per task. When the whole would exceed <see cref="MarkdownOptions.MaxLength"/>, the
/// middle is cut — rows and diffs — while the summary, the table head and the errors stay, and a note
/// says how much was left out.
/// </summary>
public sealed class MarkdownPlanRenderer(MarkdownOptions? options = null) : IPlanRenderer
{
    private const int NoteReserve = 400;
    private readonly MarkdownOptions _options = options ?? new MarkdownOptions();

    public string Render(Plan plan)
    {
        var listed = plan.Entries.Where(e => e.Action != PlanAction.Unchanged).ToList();
        var head = Head(plan);
        var tableHead = listed.Count == 0 ? "" : "| | Task | File | Action | Changed fields |\n|---|---|---|---|---|\n";
        var footer = Footer(plan);
        var budget = new Budget(_options.MaxLength - head.Length - tableHead.Length - footer.Length - NoteReserve);

        var errors = Section("#### ❌ Errors", plan.Diagnostics.Where(d => d.IsError).Select(DiagnosticLine), budget, "errors");
        var warnings = Section("#### ⚠️ Warnings", Warnings(plan), budget, "warnings");
        var rows = budget.TakeWhileFits(listed.Select(Row), "table rows");
        var diffs = budget.TakeWhileFits(listed.Where(e => e.Changes.Count > 0).Select(Diff), "diffs");

        var output = new StringBuilder(head).Append(errors).Append(warnings);
        if (listed.Count > 0)
        {
            output.Append("#### Tasks\n\n").Append(tableHead).Append(rows).Append('\n');
        }

        output.Append(diffs);
        if (budget.LeftOut.Count > 0)
        {
            var omitted = string.Join(", ", budget.LeftOut.Select(kv => $"{kv.Value} {kv.Key}"));
            output.Append($"> ✂️ **This plan was too large for one comment**: {omitted} left out. Run `reconciler plan` locally or see the CI log for the full plan.\n\n");
        }

        return output.Append(footer).ToString();
    }

    private string Head(Plan plan)
    {
        var head = new StringBuilder();
        if (_options.Marker is { } marker)
        {
            head.Append(marker).Append('\n');
        }

        var status = plan.HasErrors ? "❌" : plan.Summary.HasChanges ? "📝" : "✅";
        head.Append("### ").Append(status).Append(" Task Reconciler plan\n\n");
        head.Append("**").Append(plan.Summary).Append("**");
        if (plan.Revision is { } revision)
        {
            head.Append(" · revision ").Append(MarkdownText.Code(Short(revision)));
        }

        if (plan.BaseRevision is { } baseRevision)
        {
            head.Append(" compared with ").Append(MarkdownText.Code(Short(baseRevision)));
        }

        return head.Append("\n\n").ToString();
    }

    private static string Footer(Plan plan) =>
        plan.Summary.Unchanged > 0 ? $"<sub>{plan.Summary.Unchanged} unchanged task(s) not listed.</sub>\n" : "";

    private static string Section(string title, IEnumerable<string> lines, Budget budget, string what)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return "";
        }

        var kept = budget.TakeWhileFits(items.Select(l => l + "\n"), what, title.Length + 2);
        return $"{title}\n\n{kept}\n";
    }

    private IEnumerable<string> Warnings(Plan plan)
    {
        foreach (var entry in plan.Entries)
        {
            foreach (var note in PlanText.RemoteNotes(entry))
            {
                yield return $"- **{MarkdownText.Cell(PlanText.Title(entry))}**: {MarkdownText.Cell(note)}";
            }
        }

        foreach (var warning in plan.Diagnostics.Where(d => !d.IsError))
        {
            yield return DiagnosticLine(warning);
        }
    }

    private string DiagnosticLine(Diagnostic diagnostic)
    {
        var where = diagnostic.Location is { } l ? MarkdownText.Code($"{Path(l.File)}:{l.Line}:{l.Column}") + " " : "";
        var path = string.IsNullOrEmpty(diagnostic.JsonPath) ? "" : " " + MarkdownText.Code(diagnostic.JsonPath);
        return $"- {where}{MarkdownText.Cell(diagnostic.Message)}{path}";
    }

    private string Row(PlanEntry entry)
    {
        var fields = entry.Action == PlanAction.Adopt ? [] : entry.Changes.Select(c => Planner.Display(c.Path)).Distinct().ToList();
        var changed = entry.Action == PlanAction.Adopt ? "all (new task)" : fields.Count == 0 ? "" : string.Join(", ", fields.Take(5).Select(MarkdownText.Code)) + (fields.Count > 5 ? $" +{fields.Count - 5} more" : "");
        var file = entry.File is null ? "" : MarkdownText.Code(Path(entry.File) + (entry.Action == PlanAction.Invalid && entry.Location is { } l ? $":{l.Line}" : ""));
        var action = entry.Action.ToWord() + (entry.IsBlockedByRunningTask ? " (blocked: running)" : entry.WillStopTask ? " (will stop task)" : "");
        return $"| {PlanText.Symbol(entry.Action)} | {MarkdownText.Cell(PlanText.Title(entry))} | {file} | {action} | {changed} |\n";
    }

    private string Diff(PlanEntry entry)
    {
        var content = string.Join("\n", entry.Changes.SelectMany(PlanText.DiffLines));
        var fence = MarkdownText.Fence(content);
        var summary = $"{PlanText.Symbol(entry.Action)} {entry.Action.ToWord()} <b>{MarkdownText.Html(PlanText.Title(entry))}</b> — <code>{MarkdownText.Html(Path(entry.File ?? ""))}</code>";
        return $"<details><summary>{summary}</summary>\n\n{fence}diff\n{content}\n{fence}\n\n</details>\n\n";
    }

    private string Path(string file) => _options.PathPrefix is { Length: > 0 } prefix ? $"{prefix.TrimEnd('/')}/{file}" : file;

    private static string Short(string revision) => revision.Length > 12 ? revision[..12] : revision;

    /// <summary>Characters left for the middle of the comment, and what had to be left out.</summary>
    private sealed class Budget(int remaining)
    {
        private int _remaining = remaining;

        public Dictionary<string, int> LeftOut { get; } = [];

        public string TakeWhileFits(IEnumerable<string> parts, string what, int overhead = 0)
        {
            var kept = new StringBuilder();
            var all = parts.ToList();
            _remaining -= overhead;
            var taken = 0;
            foreach (var part in all)
            {
                if (part.Length > _remaining)
                {
                    break;
                }

                kept.Append(part);
                _remaining -= part.Length;
                taken++;
            }

            if (taken < all.Count)
            {
                LeftOut[what] = all.Count - taken;
                _remaining = Math.Max(0, _remaining);
            }

            return kept.ToString();
        }
    }
}

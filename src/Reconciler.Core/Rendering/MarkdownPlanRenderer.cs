using System.Globalization;
using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The pull-request format: marker, one summary line, errors, warnings, a table of changes and a
/// collapsible diff per task. When the whole would exceed <see cref="MarkdownOptions.MaxLength"/>, the
/// middle is cut — diagnostics, rows and diffs that no longer fit, each one whole — while the marker, the
/// summary, the section headings and the footer stay, errors get the room first, and a note says how
/// many of each were left out. The result never exceeds the limit, whatever the plan holds.
/// </summary>
public sealed class MarkdownPlanRenderer(MarkdownOptions? options = null) : IPlanRenderer
{
    private const string ErrorsTitle = "#### ❌ Errors";
    private const string WarningsTitle = "#### ⚠️ Warnings";
    private const string TableHead = "| | Task | File | Action | Changed fields |\n|---|---|---|---|---|\n";
    private readonly MarkdownOptions _options = options ?? new MarkdownOptions();

    public string Render(Plan plan)
    {
        var listed = plan.Entries.Where(e => e.Action != PlanAction.Unchanged).ToList();
        var all = new MarkdownSections(
            plan.Diagnostics.Where(d => d.IsError).Select(d => DiagnosticLine(d) + "\n").ToList(),
            Warnings(plan).Select(line => line + "\n").ToList(),
            listed.Select(Row).ToList(),
            listed.Where(e => e.Changes.Count > 0).Select(Diff).ToList());
        var head = Head(plan);
        var footer = Footer(plan);
        var whole = Compose(head, all, all, "", footer);
        return whole.Length <= _options.MaxLength ? whole : Cut(plan, head, all, footer);
    }

    /// <summary>
    /// Without a length limit (the CLI's <c>--format markdown</c>) the plan is written part by part as it is
    /// rendered, the same text <see cref="Render(Plan)"/> gives; with one (a pull-request comment) it must be
    /// measured whole first, and it is small by then.
    /// </summary>
    public void Render(Plan plan, TextWriter output)
    {
        if (_options.MaxLength != int.MaxValue)
        {
            output.Write(Render(plan));
            return;
        }

        var listed = plan.Entries.Where(e => e.Action != PlanAction.Unchanged).ToList();
        output.Write(Head(plan));
        WriteSection(output, ErrorsTitle, plan.Diagnostics.Where(d => d.IsError).Select(d => DiagnosticLine(d) + "\n").ToList());
        WriteSection(output, WarningsTitle, Warnings(plan).Select(line => line + "\n").ToList());
        if (listed.Count > 0)
        {
            output.Write("#### Tasks\n\n");
            output.Write(TableHead);
            foreach (var entry in listed)
            {
                output.Write(Row(entry));
            }

            output.Write('\n');
        }

        foreach (var entry in listed.Where(e => e.Changes.Count > 0))
        {
            output.Write(Diff(entry));
        }

        output.Write(Footer(plan));
    }

    private static void WriteSection(TextWriter output, string title, List<string> lines)
    {
        if (lines.Count > 0)
        {
            output.Write(title);
            output.Write("\n\n");
            foreach (var line in lines)
            {
                output.Write(line);
            }

            output.Write('\n');
        }
    }

    private string Cut(Plan plan, string head, MarkdownSections all, string footer)
    {
        // Room for the middle: the limit minus everything that always stays, and the longest note this plan can need.
        var skeleton = Compose(head, all, MarkdownSections.Empty, "", footer).Length;
        var available = _options.MaxLength - skeleton - Note(all, MarkdownSections.Empty).Length;
        if (available < 0)
        {
            return Minimal(plan);
        }

        var budget = new MarkdownBudget(available);
        var kept = new MarkdownSections(budget.Take(all.Errors), budget.Take(all.Warnings), budget.Take(all.Rows), budget.Take(all.Diffs));
        var cut = Compose(head, all, kept, Note(all, kept), footer);
        return cut.Length <= _options.MaxLength ? cut : Minimal(plan);
    }

    /// <summary>Section frames follow <paramref name="all"/> (a heading stays even when all its lines were cut); content follows <paramref name="kept"/>.</summary>
    private static string Compose(string head, MarkdownSections all, MarkdownSections kept, string note, string footer)
    {
        var output = new StringBuilder(head);
        AppendSection(output, ErrorsTitle, all.Errors, kept.Errors);
        AppendSection(output, WarningsTitle, all.Warnings, kept.Warnings);
        if (all.Rows.Count > 0)
        {
            output.Append("#### Tasks\n\n").Append(TableHead).AppendJoin("", kept.Rows).Append('\n');
        }

        return output.AppendJoin("", kept.Diffs).Append(note).Append(footer).ToString();
    }

    private static void AppendSection(StringBuilder output, string title, IReadOnlyList<string> all, IReadOnlyList<string> kept)
    {
        if (all.Count > 0)
        {
            output.Append(title).Append("\n\n").AppendJoin("", kept).Append('\n');
        }
    }

    /// <summary>The truncation note; with nothing kept it is the longest this plan can produce, which is what the budget reserves.</summary>
    private string Note(MarkdownSections all, MarkdownSections kept)
    {
        var left = new[]
        {
            (all.Errors.Count - kept.Errors.Count, all.Errors.Count, "errors"),
            (all.Warnings.Count - kept.Warnings.Count, all.Warnings.Count, "warnings"),
            (all.Rows.Count - kept.Rows.Count, all.Rows.Count, "table rows"),
            (all.Diffs.Count - kept.Diffs.Count, all.Diffs.Count, "diffs"),
        }.Where(x => x.Item1 > 0).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item1:N0} of {x.Item2:N0} {x.Item3}")).ToList();
        return left.Count == 0 ? "" : string.Create(
            CultureInfo.InvariantCulture,
            $"> ✂️ **This plan was cut to fit {_options.MaxLength:N0} characters**: left out {string.Join(", ", left)}. Run `reconciler plan` locally, or read the CI job's log, for the full plan.\n\n");
    }

    /// <summary>When not even the headings fit (a tiny limit): the summary alone, and at worst a hard cut.</summary>
    private string Minimal(Plan plan)
    {
        var text = Head(plan, withRevisions: false) + string.Create(
            CultureInfo.InvariantCulture,
            $"> ✂️ Only the summary fits in {_options.MaxLength:N0} characters; everything else was left out. Run `reconciler plan` for the full plan.\n");
        return text.Length <= _options.MaxLength ? text : HardCut(text, _options.MaxLength);
    }

    // Never split a surrogate pair or a letter from its accent.
    private static string HardCut(string text, int maxLength)
    {
        var cut = new StringBuilder(Math.Max(0, maxLength));
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && cut.Length + elements.GetTextElement().Length <= maxLength)
        {
            cut.Append(elements.GetTextElement());
        }

        return cut.ToString();
    }

    private string Head(Plan plan, bool withRevisions = true)
    {
        var head = new StringBuilder();
        if (_options.Marker is { } marker)
        {
            head.Append(marker).Append('\n');
        }

        var status = plan.HasErrors ? "❌" : plan.Summary.HasChanges ? "📝" : "✅";
        head.Append("### ").Append(status).Append(" Task Reconciler plan\n\n");
        head.Append("**").Append(plan.Summary).Append("**");
        if (withRevisions && plan.Revision is { } revision)
        {
            head.Append(" · revision ").Append(MarkdownText.Code(PlanText.Short(revision)));
        }

        if (withRevisions)
        {
            head.Append(plan.Compared == BaselineKind.BaseRevision && plan.BaseRevision is { } baseRevision
                ? " compared with the base revision " + MarkdownText.Code(PlanText.Short(baseRevision))
                : " compared with the live state (what was last applied)");
        }

        return head.Append("\n\n").ToString();
    }

    private static string Footer(Plan plan) =>
        plan.Summary.Unchanged > 0 ? $"<sub>{plan.Summary.Unchanged} unchanged task(s) not listed.</sub>\n" : "";

    private IEnumerable<string> Warnings(Plan plan)
    {
        foreach (var entry in plan.Entries)
        {
            foreach (var note in PlanText.DeferralNotes(entry))
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
        var action = entry.Action.ToWord() + (entry.IsBlockedByRunningTask ? " (blocked: running)"
            : entry.WillStopTask ? " (will stop task)"
            : entry.Deferral is { } deferral ? $" ({deferral.Word.Replace('_', ' ')})"
            : entry.Reason == UpdateReason.InDoubt ? " (in doubt)"
            : entry.Reason == UpdateReason.Drift ? " (drift)"
            : "");
        return $"| {PlanText.Symbol(entry.Action)} | {MarkdownText.Cell(PlanText.Title(entry))} | {file} | {action} | {changed} |\n";
    }

    private string Diff(PlanEntry entry)
    {
        var content = MarkdownText.Literal(string.Join("\n", entry.Changes.SelectMany(PlanText.DiffLines)));
        var fence = MarkdownText.Fence(content);
        var summary = $"{PlanText.Symbol(entry.Action)} {entry.Action.ToWord()} <b>{MarkdownText.Html(PlanText.Title(entry))}</b> — <code>{MarkdownText.Html(Path(entry.File ?? ""))}</code>";
        return $"<details><summary>{summary}</summary>\n\n{fence}diff\n{content}\n{fence}\n\n</details>\n\n";
    }

    private string Path(string file) => _options.PathPrefix is { Length: > 0 } prefix ? $"{prefix.TrimEnd('/')}/{file}" : file;
}

using System.Globalization;
using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The pull-request format: marker, one summary line, errors, warnings, a table of changes, a collapsible diff per
/// task with a change of its own, then each group of identical changes once (<see cref="PlanGrouping"/>) with its
/// accounts and a collapsed list of its tasks. When the whole would exceed <see cref="MarkdownOptions.MaxLength"/>,
/// the middle is cut — each part whole or not at all — while the marker, the summary, the section headings and the
/// footer stay. Room goes first to errors, then warnings, group rows, group heads, the other rows, the distinct
/// diffs, and last to the groups' task lists; a note says exactly what was left out and where the whole plan is.
/// The result never exceeds the limit, whatever the plan holds.
/// </summary>
public sealed class MarkdownPlanRenderer(MarkdownOptions? options = null) : IPlanRenderer
{
    private readonly MarkdownOptions _options = options ?? new MarkdownOptions();

    /// <summary>Written before every manifest path (<see cref="MarkdownOptions.PathPrefix"/>, ending in one slash), or "".</summary>
    private readonly string _filePrefix = options?.PathPrefix is { Length: > 0 } prefix ? prefix.TrimEnd('/') + "/" : "";

    public string Render(Plan plan)
    {
        var all = Sections(plan);
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

        var all = Sections(plan);
        all.WriteTo(output, all, Head(plan), "", Footer(plan));
    }

    /// <summary>Every part, rendered when read (see <see cref="RenderedParts{T}"/>).</summary>
    private MarkdownSections Sections(Plan plan)
    {
        var grouped = PlanGrouping.Of(plan);
        var groups = new MarkdownGroupParts(_filePrefix);
        var distinct = grouped.Distinct;
        var diffs = distinct.OfType<PlanEntry>().Where(e => e.Changes.Count > 0).ToList();

        // With groups, the few tasks with a change of their own are what a review is for: their diffs are open.
        var open = grouped.Groups.Count > 0;
        return new MarkdownSections(
            plan.Diagnostics.Where(d => d.IsError).Select(d => DiagnosticLine(d) + "\n").ToList(),
            Warnings(plan, grouped).Select(line => line + "\n").ToList(),
            new RenderedParts<IPlanRow>(distinct, Row),
            new RenderedParts<ChangeGroup>(grouped.Groups, MarkdownGroupParts.Row),
            new RenderedParts<PlanEntry>(diffs, entry => Diff(entry, open)),
            grouped.Groups.Select(groups.Group).ToList());
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
        var errors = budget.Take(all.Errors);
        var warnings = budget.Take(all.Warnings);
        var groupRows = budget.Take(all.GroupRows);
        var groups = budget.Take(all.Groups, g => g.HeadCost);
        var rows = budget.Take(all.DistinctRows);
        var diffs = budget.Take(all.Diffs);
        var kept = new MarkdownSections(errors, warnings, rows, groupRows, diffs, groups.Select(g => g.Keeping(budget.Take(g.Members))).ToList());
        var cut = Compose(head, all, kept, Note(all, kept), footer);
        return cut.Length <= _options.MaxLength ? cut : Minimal(plan);
    }

    private static string Compose(string head, MarkdownSections all, MarkdownSections kept, string note, string footer)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        kept.WriteTo(output, all, head, note, footer);
        return output.ToString();
    }

    /// <summary>The truncation note; with nothing kept it is the longest this plan can produce, which is what the budget reserves.</summary>
    private string Note(MarkdownSections all, MarkdownSections kept)
    {
        var left = new[]
        {
            (all.Errors.Count - kept.Errors.Count, all.Errors.Count, "errors"),
            (all.Warnings.Count - kept.Warnings.Count, all.Warnings.Count, "warnings"),
            (all.DistinctRows.Count + all.GroupRows.Count - kept.DistinctRows.Count - kept.GroupRows.Count, all.DistinctRows.Count + all.GroupRows.Count, "table rows"),
            (all.Diffs.Count - kept.Diffs.Count, all.Diffs.Count, "diffs"),
            (all.Groups.Count - kept.Groups.Count, all.Groups.Count, "groups"),
        }.Where(x => x.Item1 > 0).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item1:N0} of {x.Item2:N0} {x.Item3}")).ToList();
        if (all.MemberCount - kept.MemberCount is > 0 and var members)
        {
            left.Add(string.Create(CultureInfo.InvariantCulture, $"the names of {members:N0} of {all.MemberCount:N0} grouped tasks ({GroupsCut(all, kept)})"));
        }

        return left.Count == 0 ? "" : string.Create(
            CultureInfo.InvariantCulture,
            $"> ✂️ **This plan was cut to fit {_options.MaxLength:N0} characters**: left out {string.Join(", ", left)}. {_options.WholePlan}\n\n");
    }

    /// <summary>Which groups' task lists are not whole: <c>group 1</c>, <c>groups 1, 2 and 4</c>.</summary>
    private static string GroupsCut(MarkdownSections all, MarkdownSections kept)
    {
        var shown = kept.Groups.ToDictionary(g => g.Number, g => g.Members.Count);
        var numbers = all.Groups.Where(g => shown.GetValueOrDefault(g.Number, -1) < g.Total).Select(g => g.Number.ToString(CultureInfo.InvariantCulture)).ToList();
        return numbers.Count == 1 ? $"group {numbers[0]}" : $"groups {string.Join(", ", numbers[..^1])} and {numbers[^1]}";
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

    /// <summary>Notes and warnings of the tasks outside groups; a group says its members' shared ones once, in its head.</summary>
    private IEnumerable<string> Warnings(Plan plan, GroupedPlan grouped)
    {
        var ungrouped = plan.Rows.Where(e => grouped.GroupOf(e) is null).ToList();
        foreach (var entry in ungrouped)
        {
            foreach (var note in PlanText.DeferralNotes(entry))
            {
                yield return $"- **{MarkdownText.Cell(PlanText.Title(entry, _filePrefix))}**: {MarkdownText.Cell(note)}";
            }
        }

        foreach (var warning in DiagnosticOrder.Sort(ungrouped.SelectMany(e => e.Diagnostics).Where(d => !d.IsError)))
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

    private string Row(IPlanRow row)
    {
        var fields = row.Action == PlanAction.Adopt ? [] : PlanText.Changes(row).Select(c => Planner.Display(c.Path)).Distinct().ToList();
        var changed = row.Action == PlanAction.Adopt ? "all (new task)" : fields.Count == 0 ? "" : string.Join(", ", fields.Take(5).Select(MarkdownText.Code)) + (fields.Count > 5 ? $" +{fields.Count - 5} more" : "");
        var file = row.File is null ? "" : MarkdownText.Code(Path(row.File) + (row.Action == PlanAction.Invalid && row.Location is { } l ? $":{l.Line}" : ""));
        var action = row.Action.ToWord() + (row is PlanEntry entry ? ActionState(entry) : "");
        return $"| {PlanText.Symbol(row.Action)} | {MarkdownText.Cell(PlanText.Title(row, _filePrefix))} | {file} | {action} | {changed} |\n";
    }

    /// <summary>What the action column adds to the action's word: why the change is not sent now, or why it is sent.</summary>
    private static string ActionState(PlanEntry entry) => entry.IsBlockedByRunningTask ? " (blocked: running)"
        : entry.WillStopTask ? " (will stop task)"
        : entry.Deferral is { } deferral ? $" ({deferral.Word.Replace('_', ' ')})"
        : entry.Reason == UpdateReason.InDoubt ? " (in doubt)"
        : entry.Reason == UpdateReason.Drift ? " (drift)"
        : "";

    private string Diff(PlanEntry entry, bool open)
    {
        var content = MarkdownText.Literal(string.Join("\n", entry.Changes.SelectMany(PlanText.DiffLines)));
        var fence = MarkdownText.Fence(content);
        var summary = $"{PlanText.Symbol(entry.Action)} {entry.Action.ToWord()} <b>{MarkdownText.Html(PlanText.Title(entry, _filePrefix))}</b> — <code>{MarkdownText.Html(PlanText.ShownFile(entry.File, _filePrefix) ?? "")}</code>";
        return $"<details{(open ? " open" : "")}><summary>{summary}</summary>\n\n{fence}diff\n{content}\n{fence}\n\n</details>\n\n";
    }

    private string Path(string file) => _filePrefix + file;
}

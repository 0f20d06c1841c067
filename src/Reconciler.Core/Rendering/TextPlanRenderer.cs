using System.Globalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The terminal format: problems first, then each change with its fields, then the summary line. Tasks with a
/// change of their own are shown whole, first; identical changes follow as groups (<see cref="PlanGrouping"/>),
/// each shown once with its accounts, and its tasks listed when few or when asked. Unchanged tasks are counted,
/// not listed. ANSI colours only when asked (the CLI decides: a terminal and no NO_COLOR).
/// </summary>
/// <param name="listGrouped">List every task of every group (<c>--list-grouped</c>); otherwise only groups of at most <see cref="GroupText.ListedInline"/>.</param>
/// <param name="filePrefix">Written before every manifest path (<see cref="PlanText.ShownFile"/>): the directory as the user typed it, or "".</param>
public sealed class TextPlanRenderer(bool color = false, bool listGrouped = false, string filePrefix = "") : IPlanRenderer
{
    /// <summary>False renders the tasks one after the other on the calling thread (the tests' reference for the parallel rendering).</summary>
    internal bool RowsInParallel { get; init; } = true;

    public string Render(Plan plan)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Render(plan, output);
        return output.ToString();
    }

    public void Render(Plan plan, TextWriter output)
    {
        var grouped = PlanGrouping.Of(plan);

        // Problems of the plan as a whole (a policy limit) first: they hold back every change below.
        foreach (var problem in plan.PolicyProblems)
        {
            output.Write(Paint(problem.Display(filePrefix), problem.IsError ? Red : Yellow));
            output.Write("\n\n");
        }

        // Each task's lines depend on that task alone: rendered on every core, written in order.
        ParallelRows.Write(grouped.Distinct, output, Entry, RowsInParallel);

        foreach (var group in grouped.Groups)
        {
            Group(output, group);
        }

        if (plan.IsEmpty)
        {
            output.Write("No task manifests found.\n\n");
        }

        output.Write(Paint(plan.Summary.ToString(), Bold));
        output.Write('\n');
    }

    private void Entry(TextWriter output, IPlanRow entry)
    {
        var header = $"{PlanText.Symbol(entry.Action)} {entry.Action.ToWord(),-9} {PlanText.Title(entry, filePrefix)}";
        output.Write(Paint(header, ColourOf(entry.Action)));
        output.Write(entry.Location is null || entry.Action == PlanAction.Unmanage ? "" : Paint($"  {entry.Location.Display(filePrefix)}", Dim));
        output.Write('\n');
        if (PlanText.ActionNote(entry, filePrefix) is { Length: > 0 } note)
        {
            Line(output, Paint(note, Dim));
        }

        foreach (var line in PlanText.Changes(entry).SelectMany(PlanText.ChangeLines))
        {
            Line(output, line);
        }

        foreach (var remote in PlanText.DeferralNotes(entry))
        {
            Line(output, Paint(remote, Yellow));
        }

        foreach (var diagnostic in entry.Diagnostics)
        {
            Line(output, Paint(diagnostic.Display(filePrefix), diagnostic.IsError ? Red : Yellow));
        }

        output.Write('\n');
    }

    private void Group(TextWriter output, ChangeGroup group)
    {
        var header = $"{PlanText.Symbol(group.Action)} {group.Action.ToWord(),-9} group {group.Number}: {GroupText.Title(group)}: {GroupText.Change(group, ControlText.Escape)}";
        output.Write(Paint(header, ColourOf(group.Action)));
        output.Write('\n');
        if (PlanText.ActionNote(group.First, filePrefix) is { Length: > 0 } note)
        {
            Line(output, Paint(note, Dim));
        }

        foreach (var line in group.Changes.SelectMany(PlanText.ChangeLines))
        {
            Line(output, line);
        }

        Line(output, "accounts: " + GroupText.Accounts(group, ControlText.Escape));
        foreach (var remote in PlanText.DeferralNotes(group.First))
        {
            Line(output, Paint(remote, Yellow));
        }

        foreach (var warning in group.Warnings)
        {
            Line(output, Paint(GroupText.Warning(warning), Yellow));
        }

        if (listGrouped || group.Count <= GroupText.ListedInline)
        {
            Line(output, "tasks:");
            foreach (var member in group.Members)
            {
                Line(output, $"  {PlanText.Title(member, filePrefix)}" + (member.Location is null ? "" : Paint($"  {member.Location.Display(filePrefix)}", Dim)));
            }
        }
        else
        {
            Line(output, Paint(string.Create(CultureInfo.InvariantCulture, $"tasks: {group.Count:N0}, not listed (--list-grouped lists them)"), Dim));
        }

        output.Write('\n');
    }

    private static void Line(TextWriter output, string text)
    {
        output.Write("    ");
        output.Write(text);
        output.Write('\n');
    }

    private const string Red = "31";
    private const string Green = "32";
    private const string Yellow = "33";
    private const string Magenta = "35";
    private const string Cyan = "36";
    private const string Dim = "2";
    private const string Bold = "1";

    private static string ColourOf(PlanAction action) => action switch
    {
        PlanAction.Invalid => Red,
        PlanAction.Update => Yellow,
        PlanAction.Adopt => Green,
        PlanAction.Unmanage => Magenta,
        PlanAction.Suspended => Cyan,
        _ => Dim,
    };

    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}

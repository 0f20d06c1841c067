using Reconciler.Core.Planning;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The terminal format: problems first, then each change with its fields, then the summary line.
/// Unchanged tasks are counted, not listed. ANSI colours only when asked (the CLI decides: a terminal
/// and no NO_COLOR).
/// </summary>
public sealed class TextPlanRenderer(bool color = false) : IPlanRenderer
{
    public string Render(Plan plan)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Render(plan, output);
        return output.ToString();
    }

    public void Render(Plan plan, TextWriter output)
    {
        foreach (var entry in plan.Entries.Where(e => e.Action != PlanAction.Unchanged))
        {
            var header = $"{PlanText.Symbol(entry.Action)} {entry.Action.ToWord(),-9} {PlanText.Title(entry)}";
            output.Write(Paint(header, ColourOf(entry.Action)));
            output.Write(entry.Location is null || entry.Action == PlanAction.Unmanage ? "" : Paint($"  {entry.Location}", Dim));
            output.Write('\n');
            if (PlanText.ActionNote(entry) is { Length: > 0 } note)
            {
                Line(output, Paint(note, Dim));
            }

            foreach (var line in entry.Changes.SelectMany(PlanText.ChangeLines))
            {
                Line(output, line);
            }

            foreach (var remote in PlanText.DeferralNotes(entry))
            {
                Line(output, Paint(remote, Yellow));
            }

            foreach (var diagnostic in entry.Diagnostics)
            {
                Line(output, Paint(diagnostic.ToString(), diagnostic.IsError ? Red : Yellow));
            }

            output.Write('\n');
        }

        if (plan.Entries.Count == 0)
        {
            output.Write("No task manifests found.\n\n");
        }

        output.Write(Paint(plan.Summary.ToString(), Bold));
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

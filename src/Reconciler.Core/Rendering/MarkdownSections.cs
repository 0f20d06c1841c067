namespace Reconciler.Core.Rendering;

/// <summary>The cuttable parts of a markdown plan, each already rendered with its line end, in display order.</summary>
/// <param name="DistinctRows">Table rows of the tasks with a change of their own (and of every task that is not a change).</param>
/// <param name="GroupRows">One table row per group of identical changes, after the distinct rows.</param>
/// <param name="Diffs">The diff of each task with a change of its own.</param>
/// <param name="Groups">Each group: its head (the change once, its accounts) and the list of its tasks.</param>
internal sealed record MarkdownSections(
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> DistinctRows,
    IReadOnlyList<string> GroupRows,
    IReadOnlyList<string> Diffs,
    IReadOnlyList<MarkdownGroup> Groups)
{
    public const string ErrorsTitle = "#### ❌ Errors";
    public const string WarningsTitle = "#### ⚠️ Warnings";
    public const string TableHead = "| | Task | File | Action | Changed fields |\n|---|---|---|---|---|\n";

    public static readonly MarkdownSections Empty = new([], [], [], [], [], []);

    /// <summary>Every member line of every group.</summary>
    public int MemberCount => Groups.Sum(g => g.Members.Count);

    /// <summary>
    /// Writes the kept parts (this) inside the frames of <paramref name="all"/>: a section heading stays even when
    /// every line of it was cut, so the reader sees that there was something.
    /// </summary>
    public void WriteTo(TextWriter output, MarkdownSections all, string head, string note, string footer)
    {
        output.Write(head);
        WriteSection(output, ErrorsTitle, all.Errors, Errors);
        WriteSection(output, WarningsTitle, all.Warnings, Warnings);
        if (all.DistinctRows.Count + all.GroupRows.Count > 0)
        {
            output.Write("#### Tasks\n\n");
            output.Write(TableHead);
            WriteAll(output, DistinctRows);
            WriteAll(output, GroupRows);
            output.Write('\n');
        }

        WriteAll(output, Diffs);
        foreach (var group in Groups)
        {
            group.WriteTo(output);
        }

        output.Write(note);
        output.Write(footer);
    }

    private static void WriteSection(TextWriter output, string title, IReadOnlyList<string> all, IReadOnlyList<string> kept)
    {
        if (all.Count > 0)
        {
            output.Write(title);
            output.Write("\n\n");
            WriteAll(output, kept);
            output.Write('\n');
        }
    }

    private static void WriteAll(TextWriter output, IReadOnlyList<string> parts)
    {
        foreach (var part in parts)
        {
            output.Write(part);
        }
    }
}

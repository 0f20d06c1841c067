using System.Globalization;
using System.Text;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;

namespace Reconciler.Core.Rendering;

/// <summary>The markdown of a group of identical changes: its table row, its head and its member lines.</summary>
/// <param name="filePrefix">Written before every manifest path (the renderer's prefix, <see cref="PlanText.ShownFile"/>).</param>
internal sealed class MarkdownGroupParts(string filePrefix)
{
    public static string Heading(ChangeGroup group) =>
        $"{PlanText.Symbol(group.Action)} group {group.Number} · {group.Action.ToWord()} · {GroupText.Title(group)}";

    public static string Row(ChangeGroup group)
    {
        var fields = group.Action == PlanAction.Adopt && !group.First.Refreshed
            ? "all (new tasks, the same body apart from the name)"
            : string.Join(", ", group.Changes.Select(c => Planner.Display(c.Path)).Distinct().Take(5).Select(MarkdownText.Code))
              + (group.Changes.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" +{group.Changes.Count - 5} more") : "");
        return $"| {PlanText.Symbol(group.Action)} | **group {group.Number}**: {GroupText.Title(group)} | | {group.Action.ToWord()} | {fields} |\n";
    }

    public MarkdownGroup Group(ChangeGroup group)
    {
        var head = new StringBuilder()
            .Append("#### ").Append(Heading(group)).Append(": ").Append(GroupText.Change(group, MarkdownText.Code)).Append("\n\n");
        if (PlanText.ActionNote(group.First, filePrefix) is { Length: > 0 } note)
        {
            head.Append(MarkdownText.Cell(note)).Append("\n\n");
        }

        var content = string.Join("\n", group.Changes.SelectMany(PlanText.DiffLines));
        var fence = MarkdownText.Fence(content);
        head.Append(fence).Append("diff\n").Append(content).Append('\n').Append(fence).Append("\n\n");
        head.Append("Accounts: ").Append(GroupText.Accounts(group, MarkdownText.Code)).Append("\n\n");
        var shared = PlanText.DeferralNotes(group.First).Concat(group.Warnings.Select(GroupText.Warning)).ToList();
        foreach (var line in shared)
        {
            head.Append("- ⚠️ ").Append(MarkdownText.Cell(line)).Append('\n');
        }

        head.Append(shared.Count > 0 ? "\n" : "")
            .Append(string.Create(CultureInfo.InvariantCulture, $"<details><summary>The {group.Count:N0} tasks of group {group.Number}</summary>\n\n"));
        return new MarkdownGroup(group.Number, head.ToString(), new RenderedParts<PlanEntry>(group.Members, Member), group.Count);
    }

    private string Member(PlanEntry entry) =>
        $"- {MarkdownText.Cell(PlanText.Title(entry, filePrefix))}" + (entry.File is { } file ? $" — {MarkdownText.Code(filePrefix + file)}" : "") + "\n";
}

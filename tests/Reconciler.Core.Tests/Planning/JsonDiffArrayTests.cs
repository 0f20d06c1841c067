using System.Text.Json.Nodes;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Xunit;

namespace Reconciler.Core.Tests.Planning;

/// <summary>Arrays whose length changed (lines, holidays, windows) show element-level changes, not two whole arrays.</summary>
public sealed class JsonDiffArrayTests
{
    private const string A = """{"id":"line-a","limit":2}""";
    private const string B = """{"id":"line-b","limit":2}""";
    private const string C = """{"id":"line-c","limit":2}""";

    [Fact]
    public void Compare_LineInsertedInTheMiddle_IsOneAddedElement()
    {
        var change = Assert.Single(Diff($"[{A},{C}]", $"[{A},{B},{C}]"));

        Assert.Equal("/task_extras/line", change.Path);
        Assert.Equal($"[{A},{C}]", change.Before); // the whole arrays stay, as the JSON plan always showed them
        var element = Assert.Single(change.Elements);
        Assert.Equal(("/task_extras/line/1", (string?)null, (string?)B), (element.Path, element.Before, element.After));
    }

    [Fact]
    public void Compare_HolidayRemovedAndAnotherEdited_IsOneRemovalAndOneFieldChange()
    {
        const string spring = """{"begin":"2027-02-10 00:00:00","end":"2027-02-17 23:59:59"}""";
        const string may = """{"begin":"2027-05-01 00:00:00","end":"2027-05-03 23:59:59"}""";
        const string mayLonger = """{"begin":"2027-05-01 00:00:00","end":"2027-05-05 23:59:59"}""";
        const string october = """{"begin":"2027-10-01 00:00:00","end":"2027-10-07 23:59:59"}""";

        var change = Assert.Single(Diff($"[{spring},{may},{october}]", $"[{mayLonger},{october}]", "holiday"));

        Assert.Equal(
            [("/task_extras/holiday/0/end", "\"2027-05-03 23:59:59\"", "\"2027-05-05 23:59:59\"")],
            change.Elements.Where(e => e.Kind == FieldChangeKind.Modified).Select(e => (e.Path, e.Before, e.After)));
        Assert.Single(change.Elements, e => e.Kind == FieldChangeKind.Removed && e.Before == spring);
    }

    [Fact]
    public void TextAndMarkdown_ShowElementLinesAndJsonAddsElementsWithoutRenaming()
    {
        var change = Assert.Single(Diff($"[{A},{C}]", $"[{A},{B},{C}]"));

        Assert.Equal(["~ task_extras.line: 2 → 3 elements", $"  + task_extras.line.1: {B}"], PlanText.ChangeLines(change));
        Assert.Equal([$"+ task_extras.line.1: {B}"], PlanText.DiffLines(change));
    }

    [Fact]
    public void Compare_SameLength_StaysElementByElementAsBefore()
    {
        var changes = Diff($"[{A},{B}]", $"[{A},{C}]");

        Assert.Equal("/task_extras/line/1/id", Assert.Single(changes).Path);
        Assert.Empty(changes[0].Elements);
    }

    private static IReadOnlyList<FieldChange> Diff(string before, string after, string field = "line") =>
        JsonDiff.Compare(Body(field, before), Body(field, after));

    private static JsonNode Body(string field, string array) => new JsonObject { ["task_extras"] = new JsonObject { [field] = JsonNode.Parse(array) } };
}

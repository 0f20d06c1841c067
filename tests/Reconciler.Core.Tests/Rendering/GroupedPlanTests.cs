using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// A change to 3,000 tasks, 5 of them with a change of their own (<see cref="BulkChangeScenario"/>): every format
/// shows the shared change once as a group, and the 5 whole, first. Golden files pin each rendering
/// (RECONCILER_UPDATE_GOLDEN=1 rewrites them). The scenario evaluates 6,000 manifests once: a few seconds.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GroupedPlanTests
{
    private static readonly MarkdownOptions Comment = MarkdownOptions.PullRequestComment with
    {
        WholePlan = "The whole plan is in the job summary of this run, and in the saved plan `plan.out` kept as its artefact.",
    };

    [Fact]
    public void Grouping_ThreeThousandTasks_IsOneGroupOfTheSharedChangeAndFiveDistinct()
    {
        var grouped = PlanGrouping.Of(BulkChangeScenario.Plan);

        var group = Assert.Single(grouped.Groups);
        Assert.Equal(BulkChangeScenario.TaskCount - 5, group.Count);
        Assert.Equal(PlanAction.Update, group.Action);
        Assert.Equal(["/maximumcall"], group.Paths);
        Assert.Equal(("2", "4"), (group.Changes[0].Before, group.Changes[0].After));
        Assert.Equal([1_198, 899, 599, 299], group.Accounts.Select(a => a.Count));
        Assert.Equal(
            BulkChangeScenario.Distinct.Keys.Select(BulkChangeScenario.TaskId).Order(StringComparer.Ordinal),
            grouped.Distinct.Cast<PlanEntry>().Select(e => e.Identity.TaskId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Markdown_ThreeThousandTasks_MatchesGoldenFile()
    {
        Golden.Match(new MarkdownPlanRenderer(Comment).Render(BulkChangeScenario.Plan), "bulk-comment.md");
    }

    [Fact]
    public void Markdown_ThreeThousandTasks_FitsTheCommentWithTheGroupAndEveryDistinctDiffWhole()
    {
        var plan = BulkChangeScenario.Plan;
        var whole = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { MaxLength = int.MaxValue }).Render(plan);

        var markdown = new MarkdownPlanRenderer(Comment).Render(plan);

        Assert.True(markdown.Length <= MarkdownOptions.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("#### ~ group 1 · update · 2,995 tasks in 4 accounts: `spec.maximumcall` `2` → `4`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Accounts: `5832d184-dd53-42a0-8ace-0bf8d660f4cc` 1,198 · `61ecdf72-5f4b-4c92-b312-b21f7db34b6a` 899 · `3d917f66-a99e-4a62-a0c4-9f5ef7036ab7` 599 · `a0c4e2b1-7d3f-4e8a-9b12-4c5d6e7f8091` 299", markdown, StringComparison.Ordinal);
        foreach (var entry in PlanGrouping.Of(plan).Distinct.Cast<PlanEntry>())
        {
            var diff = DiffOf(whole, entry.Identity.TaskId);
            Assert.Contains(diff, markdown, StringComparison.Ordinal);
        }

        // Only the member list was cut, and the note says so and where the whole plan is.
        var note = markdown.Split('\n').Single(l => l.StartsWith("> ✂️", StringComparison.Ordinal));
        Assert.Matches(@"left out the names of [0-9,]+ of 2,995 grouped tasks \(group 1\)\. The whole plan is in the job summary", note);
        Assert.DoesNotContain("diffs", note, StringComparison.Ordinal);
        Assert.DoesNotContain("table rows", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ThreeThousandTasksInTheJobSummary_ListsEveryGroupedTask()
    {
        var markdown = new MarkdownPlanRenderer(new MarkdownOptions(MaxLength: (1024 * 1024 / 3) - 4096)).Render(BulkChangeScenario.Plan);

        Assert.DoesNotContain("✂️", markdown, StringComparison.Ordinal);
        Assert.Contains(@"- 信用卡逾期提醒-第2998批 \(00000bb6-7c1e-4d2a-9a55-2b6e1f0c9d31\) — `tasks/team-18/task-2998.yaml`" + "\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ThreeThousandTasks_MatchesGoldenFile()
    {
        Golden.Match(new TextPlanRenderer().Render(BulkChangeScenario.Plan), "bulk-plan.txt");
    }

    [Fact]
    public void Text_ListGrouped_ListsEveryTaskOfTheGroup()
    {
        var text = new TextPlanRenderer(listGrouped: true).Render(BulkChangeScenario.Plan);

        Assert.Contains("    tasks:\n      信用卡逾期提醒-第0批 (00000000-7c1e-4d2a-9a55-2b6e1f0c9d31)  tasks/team-00/task-0000.yaml:1:1\n", text, StringComparison.Ordinal);
        Assert.Equal(2_995, text.Split('\n').Count(l => l.StartsWith("      信用卡逾期提醒-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Json_ThreeThousandTasks_GroupsMatchGoldenFileAndNameEveryTask()
    {
        var plan = BulkChangeScenario.Plan;
        var root = JsonNode.Parse(new JsonPlanRenderer().Render(plan))!.AsObject();
        var groups = root["groups"]!.AsArray();
        var tasks = groups[0]!["tasks"]!.AsArray();
        Assert.Equal(2_995, tasks.Count);
        Assert.Equal(PlanGrouping.Of(plan).Groups[0].Members.Select(m => m.Identity!.TaskId), tasks.Select(t => t!["task_id"]!.GetValue<string>()));
        Assert.Equal(2_995, root["entries"]!.AsArray().Count(e => e!["group"]?.GetValue<int>() == 1));
        Assert.Equal(5, root["entries"]!.AsArray().Count(e => e!["group"] is null));

        // The golden file holds the group with its first three tasks: the rest are checked above.
        var shown = groups.DeepClone().AsArray();
        var first = shown[0]!["tasks"]!.AsArray();
        while (first.Count > 3)
        {
            first.RemoveAt(first.Count - 1);
        }

        Golden.Match(shown.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", "bulk-groups.json");
    }

    private static string DiffOf(string markdown, string taskId)
    {
        var start = markdown.IndexOf($"({taskId})</b>", StringComparison.Ordinal);
        Assert.True(start > 0, $"no diff for {taskId}");
        start = markdown.LastIndexOf("<details", start, StringComparison.Ordinal);
        var end = markdown.IndexOf("</details>", start, StringComparison.Ordinal);
        return markdown[start..end];
    }
}

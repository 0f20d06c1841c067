using Reconciler.Core.Applying;
using System.Text.Json;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.Tests.Planning;

namespace Reconciler.Core.Tests.Rendering;

public sealed class RendererTests
{
    private static Plan ScenarioWithRunningTask()
    {
        var plan = PlanScenario.Plan();
        return plan with
        {
            Revision = "0123456789abcdef0123",
            Entries = plan.Entries.Select(e => e.Identity?.TaskId == "t-update" ? RemoteStateChecker.WithRemote(e, new RemoteTaskState(true, "等待执行")) : e).ToList(),
        };
    }

    [Fact]
    public void Text_Scenario_MatchesGoldenFile()
    {
        Golden.Match(new TextPlanRenderer().Render(ScenarioWithRunningTask()), "plan.txt");
    }

    [Fact]
    public void Text_WithColour_UsesAnsiCodes_WithoutColour_None()
    {
        Assert.Contains("\u001b[", new TextPlanRenderer(color: true).Render(PlanScenario.Plan()), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", new TextPlanRenderer().Render(PlanScenario.Plan()), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_EndsWithTheSummaryLine()
    {
        Assert.EndsWith("Plan: 1 to update, 1 to adopt, 1 to unmanage, 1 invalid, 1 unchanged, 1 suspended.\n", new TextPlanRenderer().Render(PlanScenario.Plan()), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Scenario_MatchesGoldenFile()
    {
        Golden.Match(new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment).Render(ScenarioWithRunningTask()), "plan.md");
    }

    [Fact]
    public void Json_Scenario_HasTheDocumentedShape()
    {
        using var json = JsonDocument.Parse(new JsonPlanRenderer().Render(PlanScenario.Plan()));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("format_version").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("update").GetInt32());
        Assert.True(root.GetProperty("summary").GetProperty("has_changes").GetBoolean());
        var update = root.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("task_id").GetString() == "t-update");
        Assert.Equal("update", update.GetProperty("action").GetString());
        var change = update.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "/maximumcall");
        Assert.Equal(2, change.GetProperty("before").GetInt32());
        Assert.Equal(4, change.GetProperty("after").GetInt32());
        var invalid = root.GetProperty("entries")[0];
        Assert.Equal("invalid", invalid.GetProperty("action").GetString());
        Assert.Equal("end-action-elasticity", invalid.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Markdown_UserText_IsEscaped()
    {
        var plan = Planner.Plan(TestManifests.Desired(("a.yaml", TestManifests.V2(name: "\"<script>x|y</script>\""))), new Dictionary<Manifests.TaskIdentity, State.AppliedRecord>());
        var markdown = new MarkdownPlanRenderer().Render(plan);
        var outsideCodeBlocks = System.Text.RegularExpressions.Regex.Replace(markdown, "```diff\n.*?\n```", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.DoesNotContain("<script>", outsideCodeBlocks, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x\\|y", markdown, StringComparison.Ordinal);
    }
}

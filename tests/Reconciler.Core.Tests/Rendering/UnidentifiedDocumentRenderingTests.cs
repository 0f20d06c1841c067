using System.Text.Json;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Documents whose identity cannot be read, among tasks: every format shows them where a single sorted plan had them.
/// The golden files were written by the code from before such documents left the plan's entries, so they prove the
/// output did not change.
/// </summary>
public sealed class UnidentifiedDocumentRenderingTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void Text_DocumentsWithoutIdentity_ShowInPlanOrder() =>
        Golden.Match(new TextPlanRenderer().Render(Scenario()), "unidentified-plan.txt");

    [Fact]
    public void Markdown_DocumentsWithoutIdentity_ShowInPlanOrder() =>
        Golden.Match(new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment).Render(Scenario()), "unidentified-plan.md");

    [Fact]
    public void Json_DocumentsWithoutIdentity_KeepTheEntryShape() =>
        Golden.Match(new JsonPlanRenderer().Render(Scenario()), "unidentified-plan.json");

    [Fact]
    public void Annotations_DocumentsWithoutIdentity_AreAnnotated() =>
        Golden.Match(GitHubAnnotations.Render(Scenario().Diagnostics), "unidentified-annotations.txt");

    [Fact]
    public void Standings_DocumentsWithoutIdentity_AreInvalidRows()
    {
        var plan = Scenario();
        var standings = TaskStandings.Derive(plan, null, new TaskLedger(RetryPolicy.Default));

        Golden.Match(JsonSerializer.Serialize(standings, Indented) + "\n", "unidentified-standings.json");
        Assert.Equal(4, RunOutcomes.Count(plan, null).Invalid);
        Assert.Equal(4, plan.Summary.Invalid);
        Assert.True(plan.HasErrors);
    }

    [Fact]
    public void Rows_EveryEntryHasAnIdentity_DocumentsLiveBeside()
    {
        var plan = Scenario();

        Assert.Equal(["tasks/b-broken.yaml", "tasks/b-noid.yaml"], plan.UnidentifiedDocuments.Select(d => d.File));
        Assert.Equal(8, plan.Entries.Count);
        Assert.Equal(["a-bad", "b-broken", "b-noid", "c-bad"], plan.Rows.Take(4).Select(r => Path.GetFileNameWithoutExtension(r.File)));
    }

    [Fact]
    public void Rows_WithoutDocuments_AreTheEntriesThemselves()
    {
        var plan = Planning.PlanScenario.Plan();

        Assert.Same(plan.Entries, plan.Rows);
    }

    [Fact]
    public void Target_TheBrokenFile_KeepsItsDocumentOnly()
    {
        var kept = PlanTargets.Keep(Scenario(), ["./tasks/b-broken.yaml", "t-c"], out var unmatched);

        Assert.Empty(unmatched);
        Golden.Match(new TextPlanRenderer().Render(kept), "unidentified-targeted.txt");
    }

    /// <summary>
    /// Six identical adoptions (a group), two invalid documents that name their task, an unreadable file, a document
    /// with a name and no task id, all at places that interleave.
    /// </summary>
    internal static Plan Scenario()
    {
        var files = new List<(string, string)>
        {
            ("tasks/a-bad.yaml", TestManifests.V2(taskId: "t-a", name: "坏任务-a", spec: "\n  end_action: 1\n  elasticity_type: true")),
            ("tasks/b-broken.yaml", "apiVersion: [\n"),
            ("tasks/b-noid.yaml", TestManifests.V2(taskId: "t-noid", name: "没有编号").Replace("\n  task_id: t-noid", "", StringComparison.Ordinal)),
            ("tasks/c-bad.yaml", TestManifests.V2(taskId: "t-c", name: "坏任务-c", spec: "\n  end_action: 2\n  elasticity_type: true")),
        };
        files.AddRange(Enumerable.Range(0, 6).Select(i => ($"tasks/new-{i}.yaml", TestManifests.V2(taskId: $"t-new-{i}", name: $"新任务-{i}"))));
        var gone = new AppliedRecord(new TaskIdentity(TestManifests.UserId, "t-gone"), Core.Normalization.CanonicalBody.FromJson("{\"name\":\"已删除任务\"}"), "tasks/b-broken.yaml", "abc1234", Planning.PlanScenario.AppliedAt);
        return Planner.Plan(TestManifests.Desired([.. files]), new Dictionary<TaskIdentity, AppliedRecord> { [gone.Identity] = gone }) with { Revision = "0123456789abcdef" };
    }
}

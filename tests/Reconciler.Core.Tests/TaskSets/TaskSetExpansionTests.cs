using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>What a set expands to, end to end: identities, metadata defaults, labels, the merged canonical bodies (goldens).</summary>
public sealed class TaskSetExpansionTests
{
    private const string Csv = """
        task_id,user_id,sub_user_id,name,maximumcall,task_extras.start_time,task_extras.line
        east-01,,,催收提醒-上海,20,,
        east-02,,sub-7,催收提醒-杭州,,2026-12-02 09:00:00,"[{""id"": ""line-a"", ""limit"": 15}, {""id"": ""line-b"", ""limit"": 15}]"
        east-03,7c0e55aa-1f0b-4d3e-8b6a-0a9d7e3c2b11,,"催收提醒-南京, 江苏",,,

        """;

    [Fact]
    public void Expand_InlineItems_MatchesGoldenFile()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline(metadata: "\n  sub_user_id: sub-1\n  suspend: true", items: "\n    - task_id: t-003\n      suspend: false\n      sub_user_id: sub-2"))]);

        Golden.Match(ExpansionText.Render(desired), "taskset-inline.txt");
    }

    [Fact]
    public void Expand_CsvItems_MatchesGoldenFile()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv("data/east.csv", metadata: "\n  labels: {team: collections}"))], [("tasks/data/east.csv", Csv)]);

        Golden.Match(ExpansionText.Render(desired), "taskset-csv.txt");
    }

    [Fact]
    public void Expand_InlineAndCsv_AreOneSet()
    {
        var set = TaskSetFixtures.Inline(spec: "\n  itemsFrom: east.csv");
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", set)], [("tasks/east.csv", "task_id,name\nt-100,甲\n")]);

        Assert.Empty(desired.Invalid);
        Assert.Equal(["t-001", "t-002", "t-100"], desired.Tasks.Select(t => t.Identity.TaskId).Order(StringComparer.Ordinal));
        Assert.All(desired.Tasks, t => Assert.Equal(new TaskSetOrigin("collections-east", "tasks/east.yaml"), t.Set));
        Assert.Equal("tasks/east.csv", desired.Tasks.Single(t => t.Identity.TaskId == "t-100").Location.File);
        Assert.Equal("tasks/east.yaml", desired.Tasks.Single(t => t.Identity.TaskId == "t-100").File);
    }

    [Fact]
    public void Expand_ItemEqualToAPlainManifest_HasTheSameBody()
    {
        // The same task written out in full: the set is only a shorter way to write it.
        var plain = TestManifests.Evaluate(TestManifests.V2(taskId: "t-001", name: "信用卡逾期提醒-华东").Replace("maximumcall: 2", "maximumcall: 30", StringComparison.Ordinal)
            .Replace("dial_time_id: 123", "dial_time_id: 9", StringComparison.Ordinal).Replace("2026-12-23 19:00:00", "2026-12-01 09:00:00", StringComparison.Ordinal)
            .Replace("2027-12-25 23:59:59", "2027-12-01 18:00:00", StringComparison.Ordinal));
        var set = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline().Replace("5832d184-dd53-42a0-8ace-0bf8d660f4cc", TestManifests.UserId, StringComparison.Ordinal))]);

        Assert.Equal(plain.Tasks.Single().Body, set.Tasks.Single(t => t.Identity.TaskId == "t-001").Body);
    }

    [Fact]
    public void Expand_Labels_AreTheSetsPlusTheItemsOwn()
    {
        // Labels are never sent: what matters is that the merged manifest carries both and validates (a label must be text).
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline(items: "\n    - task_id: t-003\n      labels: {team: 5}"))]);

        var invalid = Assert.Single(desired.Invalid);
        Assert.Equal("t-003", invalid.Identity?.TaskId);
        Assert.Contains(invalid.Diagnostics, d => d.JsonPath == "/metadata/labels/team" && d.Location == new Diagnostics.SourceLocation("tasks/east.yaml", 25, 22));
    }

    [Fact]
    public void Expand_SetNameAndFile_AreOnEveryPlanEntry()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline())]);

        var plan = Reconciler.Core.Planning.Planner.Plan(desired, new Dictionary<TaskIdentity, State.AppliedRecord>());

        Assert.All(plan.Entries, e => Assert.Equal("collections-east", e.SetName));
    }

    [Fact]
    public void Expand_ManyItems_AreEvaluatedInItemOrder()
    {
        var rows = string.Concat(Enumerable.Range(0, 500).Select(i => $"t-{i:0000},名称-{i}\n"));
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", "task_id,name\n" + rows)]);

        Assert.Equal(500, desired.Tasks.Count);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i + 2), desired.Tasks.Select(t => t.Location.Line));
    }

    [Fact]
    public void Pipeline_CsvChangedUnderAnUnchangedSet_IsEvaluatedAgain()
    {
        var pipeline = new ManifestPipeline();
        var set = ("tasks/east.yaml", TaskSetFixtures.FromCsv());
        TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,甲\n")], pipeline, contentIds: true);
        var again = TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,甲\n")], pipeline, contentIds: true);
        Assert.Equal(1, pipeline.LastCachedFiles);

        var changed = TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,乙\n")], pipeline, contentIds: true);

        Assert.Equal(0, pipeline.LastCachedFiles);
        Assert.Equal("乙", changed.Tasks.Single().Name);
        Assert.Equal("甲", again.Tasks.Single().Name);
    }

    [Fact]
    public void Pipeline_NothingChanged_ReusesTheDesiredState_AndAChangeBuildsItAgain()
    {
        var pipeline = new ManifestPipeline();
        var set = ("tasks/east.yaml", TaskSetFixtures.FromCsv());
        var first = TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,甲\n")], pipeline, contentIds: true);
        Assert.False(pipeline.LastReusedState);

        var again = TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,甲\n")], pipeline, contentIds: true);
        Assert.True(pipeline.LastReusedState);
        Assert.Same(first.Tasks, again.Tasks);

        var changed = TaskSetFixtures.Evaluate([set], [("tasks/east.csv", "task_id,name\nt-1,乙\n")], pipeline, contentIds: true);
        Assert.False(pipeline.LastReusedState);
        Assert.Equal("乙", changed.Tasks.Single().Name);
    }
}

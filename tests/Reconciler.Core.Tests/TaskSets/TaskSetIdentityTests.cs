using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>Each item is one task with its own identity; the existing identity rule catches duplicates across sets and manifests.</summary>
public sealed class TaskSetIdentityTests
{
    private const string OtherSet = """
        apiVersion: tasks/v2
        kind: TaskSet
        metadata: {name: collections-south, user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc}
        spec:
          template: {name: 南, destination_extension: 1, dial_time_id: 2, maximumcall: 3, task_extras: {start_time: "2026-12-01 09:00:00", stop_time: "2027-12-01 18:00:00", pop_mode: 0}}
          itemsFrom: south.csv
        """;

    [Fact]
    public void SameTaskInTwoSets_BothAreInvalidAndNameEachOther()
    {
        var desired = TaskSetFixtures.Evaluate(
            [("tasks/east.yaml", TaskSetFixtures.Inline()), ("tasks/south.yaml", OtherSet)],
            [("tasks/south.csv", "task_id\nt-009\nt-001\n")]);

        Assert.Equal(["t-001", "t-001"], desired.Invalid.Select(i => i.Identity?.TaskId));
        var diagnostics = desired.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()).ToList();
        Assert.Contains(diagnostics, d => d.StartsWith("tasks/east.yaml:18:16: error:", StringComparison.Ordinal) && d.Contains("tasks/south.csv:3:1", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.StartsWith("tasks/south.csv:3:1: error:", StringComparison.Ordinal) && d.Contains("tasks/east.yaml:18:16", StringComparison.Ordinal));
        Assert.Equal(["t-002", "t-009"], desired.Tasks.Select(t => t.Identity.TaskId).Order(StringComparer.Ordinal));
        Assert.Equal(["collections-east", "collections-south"], desired.Invalid.Select(i => i.Set?.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SameTaskInASetAndAPlainManifest_BothAreInvalid()
    {
        var plain = TestManifests.V2(taskId: "t-002");

        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline()), ("tasks/plain.yaml", plain)]);

        Assert.Equal(2, desired.Invalid.Count);
        Assert.All(desired.Invalid, i => Assert.Equal("t-002", i.Identity?.TaskId));
        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Code == "duplicate-identity"));
        Assert.Contains("tasks/east.yaml", desired.UnreadableFiles);
    }

    [Fact]
    public void SameTaskTwiceInOneCsv_BothRowsAreInvalid()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/south.yaml", OtherSet)], [("tasks/south.csv", "task_id\nt-1\nt-2\nt-1\n")]);

        Assert.Equal([2, 4], desired.Invalid.Select(i => i.Location.Line));
        Assert.Equal("t-2", Assert.Single(desired.Tasks).Identity.TaskId);
    }

    [Fact]
    public void LookAlikeIdsAcrossSets_AreCaught()
    {
        var desired = TaskSetFixtures.Evaluate(
            [("tasks/east.yaml", TaskSetFixtures.Inline().Replace("task_id: t-002", "task_id: ABC", StringComparison.Ordinal)), ("tasks/south.yaml", OtherSet)],
            [("tasks/south.csv", "task_id\nabc\n")]);

        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Code == "identity-look-alike"));
        Assert.Equal(2, desired.Invalid.Count);
    }

    [Fact]
    public void TwoSetsWithOneName_NeitherIsPlanned()
    {
        var desired = TaskSetFixtures.Evaluate(
            [("tasks/east.yaml", TaskSetFixtures.Inline()), ("tasks/south.yaml", OtherSet.Replace("collections-south", "collections-east", StringComparison.Ordinal))],
            [("tasks/south.csv", "task_id\nt-009\n")]);

        Assert.Empty(desired.Tasks);
        Assert.Equal(
            [
                "tasks/east.yaml:1:1: error: the set name 'collections-east' is also used at tasks/south.yaml:1:1: a set's name must be unique in the repository, so neither set is planned (/metadata/name)",
                "tasks/south.yaml:1:1: error: the set name 'collections-east' is also used at tasks/east.yaml:1:1: a set's name must be unique in the repository, so neither set is planned (/metadata/name)",
            ],
            desired.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()));
        Assert.Contains("tasks/south.yaml", desired.UnreadableFiles);
    }

    [Fact]
    public void ItemIdentity_UserIdFromTheItemOverridesTheSets()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline(items: "\n    - task_id: t-001\n      user_id: other-account"))]);

        Assert.Empty(desired.Invalid);
        Assert.Equal(["5832d184-dd53-42a0-8ace-0bf8d660f4cc/t-001", "5832d184-dd53-42a0-8ace-0bf8d660f4cc/t-002", "other-account/t-001"], desired.Tasks.Select(t => t.Identity.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ItemWithoutAnyUserId_IsInvalidAtTheItem()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline().Replace("  user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc\n", "", StringComparison.Ordinal))]);

        Assert.Equal(2, desired.Invalid.Count);
        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Message.StartsWith("missing required field 'user_id'", StringComparison.Ordinal) && d.Location == i.Location));
    }
}

namespace Reconciler.Core.Tests.TaskSets;

public sealed class TaskSetSmokeTests
{
    [Fact]
    public void Smoke()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline())]);
        Assert.True(desired.Invalid.Count == 0, string.Join("\n", desired.Invalid.SelectMany(i => i.Diagnostics)));
        Assert.Equal(2, desired.Tasks.Count);
    }

    [Fact]
    public void SmokeCsv()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", "task_id,name,maximumcall\nt-1,甲,20\nt-2,,\n")]);
        Assert.True(desired.Invalid.Count == 0, string.Join("\n", desired.Invalid.SelectMany(i => i.Diagnostics)));
        Assert.Equal(2, desired.Tasks.Count);
        Assert.Contains("\"maximumcall\":20", desired.Tasks[0].Body.Json, StringComparison.Ordinal);
    }
}

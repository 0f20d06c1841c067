using Reconciler.Core.Manifests;
using Reconciler.Core.Text;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// What an evaluation holds for as long as the service's evaluation cache keeps it (every file of the fleet, between
/// passes): shared instances and exact arrays, counted rather than timed (docs/performance.md, "Round five").
/// </summary>
public sealed class HeldMemoryTests
{
    [Fact]
    public void Evaluate_ManyFilesOfOneAccount_ShareOneUserIdString()
    {
        var evaluator = new ManifestEvaluator();

        var tasks = Enumerable.Range(0, 20)
            .Select(i => evaluator.Evaluate(ManifestFile.FromText($"tasks/t{i}.yaml", TestManifests.V2(taskId: $"t{i}"))).Tasks.Single())
            .ToList();

        Assert.All(tasks, t => Assert.Same(tasks[0].Identity.UserId, t.Identity.UserId));
        Assert.Equal(TestManifests.UserId, tasks[0].Identity.UserId);
        Assert.Equal(20, tasks.Select(t => t.Identity.TaskId).Distinct().Count());
    }

    [Fact]
    public void Evaluate_ValidFile_HoldsExactArraysAndSharedEmptyOnes()
    {
        var evaluator = new ManifestEvaluator();

        var first = evaluator.Evaluate(ManifestFile.FromText("tasks/a.yaml", TestManifests.V2(taskId: "a")));
        var second = evaluator.Evaluate(ManifestFile.FromText("tasks/b.yaml", TestManifests.V2(taskId: "b")));

        var tasks = Assert.IsType<TaskManifest[]>(first.Tasks);
        Assert.Single(tasks);
        Assert.Empty(first.Invalid);
        Assert.Same(first.Invalid, second.Invalid);
        Assert.Same(first.Sets, second.Sets);
        Assert.Same(first.Dependencies, second.Dependencies);
        Assert.Empty(tasks[0].Warnings);
        Assert.Same(tasks[0].Warnings, second.Tasks[0].Warnings);
    }

    [Fact]
    public void Share_EqualStrings_GivesTheFirstInstance()
    {
        var pool = new StringPool();
        var first = new string('u', 36);
        var second = new string('u', 36);

        Assert.Same(first, pool.Share(first));
        Assert.Same(first, pool.Share(second));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Share_PastItsCapacity_ReturnsNewValuesUnsharedAndHoldsNoMore()
    {
        var pool = new StringPool(capacity: 2);
        pool.Share("a");
        pool.Share("b");
        var third = new string('c', 3);

        Assert.Same(third, pool.Share(third));
        Assert.Same(third, pool.Share(third));
        Assert.NotSame(third, pool.Share(new string('c', 3)));
        Assert.Equal(2, pool.Count);
    }
}

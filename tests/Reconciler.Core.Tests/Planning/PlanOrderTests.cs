using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>The plan's order without sorting what is in order already: the same list, entry for entry, as a stable sort.</summary>
public sealed class PlanOrderTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 50)]
    [InlineData(4, 1000)]
    public void Sort_RandomEntries_EqualsAStableSortOfThePlan(int seed, int shuffles)
    {
        var random = new Random(seed);
        var actions = Enum.GetValues<PlanAction>();

        // As the planner makes them: in place order (ties included: one place, several tasks), then a few out of order.
        var entries = Enumerable.Range(0, 2000)
            .Select(_ => new PlanEntry(
                actions[random.Next(actions.Length)],
                new TaskIdentity("u", $"t{random.Next(300)}"),
                null,
                new SourceLocation($"tasks/f{random.Next(40):00}.yaml", random.Next(1, 4), 1),
                [],
                []))
            .OrderBy(e => e.Location)
            .ToList();
        for (var i = 0; i < shuffles; i++)
        {
            var (a, b) = (random.Next(entries.Count), random.Next(entries.Count));
            (entries[a], entries[b]) = (entries[b], entries[a]);
        }

        var expected = entries.Order<PlanEntry>(PlanRows.Order).ToList();
        var sorted = PlanOrder.Sort(entries);

        Assert.Equal(expected.Count, sorted.Count);
        Assert.All(expected.Zip(sorted), pair => Assert.Same(pair.First, pair.Second));
    }
}

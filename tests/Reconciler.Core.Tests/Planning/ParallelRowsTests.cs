using System.Globalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.Tests.Rendering;
using Xunit;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// Rows rendered on every core are written exactly as a loop writes them: in order, every byte, at every size around the
/// chunk and window edges; a row that fails fails the rendering with its own exception; and text and JSON plans of thousands
/// of tasks are the plans rendered one task after the other.
/// </summary>
public sealed class ParallelRowsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1_000)]
    [InlineData(10_007)]
    public void Write_AnyCount_AsTheLoop(int count)
    {
        var rows = Enumerable.Range(0, count).ToList();
        static void Render(TextWriter output, int row) => output.Write($"row {row}: {new string('x', row % 97)}\n");

        Assert.Equal(Rendered(rows, Render, parallel: false), Rendered(rows, Render, parallel: true));
    }

    [Fact]
    public void Write_ARowThrows_ThrowsItsOwnException()
    {
        var rows = Enumerable.Range(0, 1_000).ToList();

        var thrown = Assert.Throws<InvalidOperationException>(() => Rendered(rows, (output, row) => output.Write(row == 500 ? throw new InvalidOperationException("row 500") : "ok"), parallel: true));
        Assert.Equal("row 500", thrown.Message);
        Assert.Throws<InvalidOperationException>(() => ParallelRows.Map(rows, row => row == 999 ? throw new InvalidOperationException() : row, _ => { }));
    }

    [Fact]
    public void TextAndJsonPlans_HundredsOfTasks_AsRenderedOneAfterTheOther() => AssertTextAsSequential(LargePlan.Build(290, LargePlan.InvalidCount));

    [Trait("Category", "Slow")] // thousands of manifests evaluated
    [Fact]
    public void TextAndJsonPlans_ThousandsOfTasks_AsRenderedOneAfterTheOther() => AssertTextAsSequential(LargePlan.ThreeThousandTasks);

    private static void AssertTextAsSequential(Plan plan)
    {
        foreach (var (colour, listGrouped) in new[] { (false, false), (true, false), (false, true) })
        {
            var parallel = new TextPlanRenderer(colour, listGrouped).Render(plan);
            var sequential = new TextPlanRenderer(colour, listGrouped) { RowsInParallel = false }.Render(plan);

            Assert.Equal(sequential, parallel);
        }

        Assert.Equal(new JsonPlanRenderer { RowsInParallel = false }.Render(plan), new JsonPlanRenderer().Render(plan));
    }

    private static string Rendered(IReadOnlyList<int> rows, Action<TextWriter, int> render, bool parallel)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        ParallelRows.Write(rows, output, render, parallel);
        return output.ToString();
    }
}

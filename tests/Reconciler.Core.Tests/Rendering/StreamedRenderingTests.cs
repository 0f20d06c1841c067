using System.Globalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Xunit;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>Renderers that write as they go (the CLI streams large plans) must write exactly what they return whole.</summary>
public sealed class StreamedRenderingTests
{
    public static TheoryData<string> Formats() => ["text", "text-colour", "json", "markdown", "markdown-comment"];

    [Trait("Category", "Slow")] // large plans rendered in every format
    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_ToWriter_IsTheWholeRendering(string format)
    {
        var plan = LargePlan.ThreeThousandTasks;
        IPlanRenderer renderer = format switch
        {
            "text" => new TextPlanRenderer(),
            "text-colour" => new TextPlanRenderer(color: true),
            "json" => new JsonPlanRenderer(),
            "markdown" => new MarkdownPlanRenderer(),
            _ => new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment),
        };
        using var streamed = new StringWriter(CultureInfo.InvariantCulture);

        renderer.Render(plan, streamed);

        Assert.Equal(renderer.Render(plan), streamed.ToString());
    }

    [Fact]
    public void Render_EmptyPlanToWriter_IsTheWholeRendering()
    {
        var plan = new Plan([], null);
        foreach (IPlanRenderer renderer in new IPlanRenderer[] { new TextPlanRenderer(), new JsonPlanRenderer(), new MarkdownPlanRenderer() })
        {
            using var streamed = new StringWriter(CultureInfo.InvariantCulture);
            renderer.Render(plan, streamed);
            Assert.Equal(renderer.Render(plan), streamed.ToString());
        }
    }
}

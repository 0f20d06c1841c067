using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>The sticky pull-request comment, compared whole against golden files (RECONCILER_UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class PullRequestCommentTests
{
    private static readonly MarkdownOptions Options = MarkdownOptions.PullRequestComment with { PathPrefix = PullRequestScenario.PathPrefix };

    [Fact]
    public void Markdown_PullRequestScenario_MatchesGoldenFile()
    {
        Golden.Match(new MarkdownPlanRenderer(Options).Render(PullRequestScenario.Plan()), "pr-comment.md");
    }

    [Fact]
    public void Markdown_PullRequestScenarioCut_MatchesGoldenFile()
    {
        // Room for the head, the error, the warnings and part of the table, so the note's wording is pinned too.
        Golden.Match(new MarkdownPlanRenderer(Options with { MaxLength = 1_800 }).Render(PullRequestScenario.Plan()), "pr-comment-cut.md");
    }

    [Fact]
    public void Markdown_PullRequestScenario_CoversEveryActionAndRunningState()
    {
        var plan = PullRequestScenario.Plan();

        Assert.Equal(
            [PlanAction.Invalid, PlanAction.Update, PlanAction.Adopt, PlanAction.Adopt, PlanAction.Unmanage, PlanAction.Suspended, PlanAction.Unchanged],
            plan.Entries.Select(e => e.Action));
        Assert.Single(plan.Entries, e => e.IsBlockedByRunningTask);
        Assert.Single(plan.Entries, e => e.WillStopTask);
    }

    [Fact]
    public void Markdown_PullRequestScenario_StartsWithTheMarkerAndShowsBothRevisions()
    {
        var markdown = new MarkdownPlanRenderer(Options).Render(PullRequestScenario.Plan());

        Assert.StartsWith("<!-- task-reconciler:plan -->\n### ❌ Task Reconciler plan\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("· revision `4f2c9e1a7b3d` compared with the base revision `a1b2c3d4e5f6`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PathPrefix_IsAppliedToEveryPathOnce()
    {
        var markdown = new MarkdownPlanRenderer(Options with { PathPrefix = "ops-repo/" }).Render(PullRequestScenario.Plan());

        Assert.DoesNotContain("`tasks/", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>tasks/", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("ops-repo//", markdown, StringComparison.Ordinal);
        Assert.Contains("`ops-repo/tasks/invalid.yaml:11:15`", markdown, StringComparison.Ordinal);
        Assert.Contains("<code>ops-repo/tasks/update.yaml</code>", markdown, StringComparison.Ordinal);
    }
}

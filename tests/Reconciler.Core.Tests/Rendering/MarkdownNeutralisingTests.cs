using System.Text.RegularExpressions;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Issue 20: a task name or value holding a plan marker carried it into a comment (and CI then took that comment for its
/// own); <c>@user</c> and <c>@org/team</c> in table cells notified people. Every value is neutralised where GitHub reads it.
/// </summary>
public sealed partial class MarkdownNeutralisingTests
{
    private const string Hostile = "\"@octocat @org/team #12 <!-- task-reconciler:plan --> <!-- task-reconciler:plan-live -->\"";

    private static string Comment(string marker = MarkdownOptions.DefaultMarker)
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(name: Hostile, spec: "\n  remark: " + Hostile)));
        var plan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord>());
        return new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { Marker = marker }).Render(plan);
    }

    [Theory]
    [InlineData("<!-- task-reconciler:plan -->")]
    [InlineData("<!-- task-reconciler:plan-live -->")]
    public void Comment_ValuesHoldingMarkers_HoldNoMarkerButTheFirstLine(string marker)
    {
        var comment = Comment(marker);

        Assert.StartsWith(marker + "\n", comment, StringComparison.Ordinal);
        Assert.Equal(-1, comment.IndexOf("<!--", 1, StringComparison.Ordinal));
        Assert.Contains("<!\u200B-- task-reconciler:plan -->", comment, StringComparison.Ordinal); // the value, in the diff, still reads the same
    }

    [Fact]
    public void Comment_MentionsAndIssueReferences_AreBrokenOutsideCode()
    {
        var comment = Comment();
        var outsideCode = DiffBlock().Replace(comment, "");

        Assert.DoesNotMatch(RawMention(), outsideCode);
        Assert.Contains("@&#8203;octocat @&#8203;org/team #&#8203;12", outsideCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![pixel](http://127.0.0.1:9/track.png)", @"\!&#91;pixel&#93;\(http://127.0.0.1:9/track.png\)")]
    [InlineData("[点我](http://127.0.0.1:9/)", @"&#91;点我&#93;\(http://127.0.0.1:9/\)")]
    [InlineData("**bold** _em_ ~~gone~~ `code` a|b c\\d", @"\*\*bold\*\* \_em\_ \~\~gone\~\~ \`code\` a\|b c\\d")]
    public void Cell_MarkdownSyntax_IsShownNotActedOn(string value, string expected) =>
        Assert.Equal(expected, MarkdownText.Cell(value));

    [Fact]
    public void Comment_AnImageInATaskName_FetchesNothing()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(name: "\"![x](http://127.0.0.1:9/p.png)\"")));
        var plan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord>());
        var comment = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment).Render(plan);

        Assert.DoesNotMatch(UnescapedImage(), DiffBlock().Replace(comment, ""));
    }

    [GeneratedRegex(@"!\[|\]\(")]
    private static partial Regex UnescapedImage();

    [GeneratedRegex("```diff\n.*?\n```", RegexOptions.Singleline)]
    private static partial Regex DiffBlock();

    [GeneratedRegex("@[A-Za-z0-9]|(?<!&)#[0-9]")]
    private static partial Regex RawMention();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>The pull-request comment must fit GitHub's 65,536 characters, keep what matters, and say what it cut.</summary>
public sealed class MarkdownTruncationTests
{
    private const string TableHead = "| | Task | File | Action | Changed fields |\n|---|---|---|---|---|\n";
    private static readonly MarkdownPlanRenderer Comment = new(MarkdownOptions.PullRequestComment);

    [Trait("Category", "Slow")] // a plan of 3,000 tasks rendered and cut
    [Fact]
    public void Markdown_ThreeThousandTasks_FitsTheCommentLimitAndKeepsSummaryTableAndEveryError()
    {
        var plan = LargePlan.ThreeThousandTasks;
        Assert.Equal(3_000, plan.Entries.Count);
        var errors = plan.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(LargePlan.InvalidCount * LargePlan.ErrorsPerInvalid, errors.Count);

        var markdown = Comment.Render(plan);

        Assert.InRange(markdown.Length, 60_000, MarkdownOptions.GitHubCommentLimit);
        Assert.StartsWith(MarkdownOptions.DefaultMarker + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"**{plan.Summary}**", markdown, StringComparison.Ordinal);
        Assert.Contains("Plan: 1495 to update, 1495 to adopt, 0 to unmanage, 10 invalid, 0 unchanged.", markdown, StringComparison.Ordinal);
        Assert.Contains(TableHead, markdown, StringComparison.Ordinal);
        foreach (var error in errors)
        {
            Assert.Contains($"`{error.Location}` {MarkdownText.Cell(error.Message)} `{error.JsonPath}`", markdown, StringComparison.Ordinal);
        }

        AssertNoteMatchesWhatIsShown(plan, markdown);
    }

    [Trait("Category", "Slow")] // a plan of 3,000 tasks rendered and cut
    [Fact]
    public void Markdown_ThreeThousandTasks_InvalidRowsComeFirstAndTheFooterStays()
    {
        var plan = LargePlan.ThreeThousandTasks with { Entries = [.. LargePlan.ThreeThousandTasks.Entries, Unchanged("t-same")] };

        var markdown = Comment.Render(plan);

        Assert.True(markdown.Length <= MarkdownOptions.GitHubCommentLimit, $"{markdown.Length} characters");
        var firstRow = markdown.IndexOf("| ! | 坏任务-0 ", StringComparison.Ordinal);
        var firstUpdate = markdown.IndexOf("| ~ |", StringComparison.Ordinal);
        Assert.InRange(firstRow, 0, firstUpdate);
        Assert.EndsWith("<sub>1 unchanged task(s) not listed.</sub>\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ErrorsAloneExceedTheBudget_CutsErrorsWithinTheLimitAndSaysHowMany()
    {
        var plan = TruncationPlans.ManyInvalid(count: 600, errorsEach: 4, messageLength: 120);

        var markdown = Comment.Render(plan);

        Assert.True(markdown.Length <= MarkdownOptions.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains($"**{plan.Summary}**", markdown, StringComparison.Ordinal);
        var shown = ErrorLines(markdown).Count;
        Assert.InRange(shown, 100, 2_399);
        Assert.Contains($"{2_400 - shown:N0} of 2,400 errors", Note(markdown), StringComparison.Ordinal);
        // Errors take the room first; what the last whole error leaves may fit a row or two, never most of them.
        Assert.Matches(@"\b(59\d|600) of 600 table rows", Note(markdown));
    }

    [Fact]
    public void Markdown_OneHugeDiff_IsLeftOutAndTheOtherDiffsStay()
    {
        var plan = TruncationPlans.UpdatesWithOneHugeValue(updates: 5, hugeIndex: 0, hugeLength: 100_000);

        var markdown = Comment.Render(plan);

        Assert.True(markdown.Length <= MarkdownOptions.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Equal(4, markdown.Split("<details>").Length - 1);
        Assert.DoesNotContain("<b>任务-0 (t-0)</b>", markdown, StringComparison.Ordinal);
        Assert.Contains("<b>任务-4 (t-4)</b>", markdown, StringComparison.Ordinal);
        Assert.Contains(@"| ~ | 任务-0 \(t-0\) |", markdown, StringComparison.Ordinal);
        Assert.Contains("1 of 5 diffs", Note(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HugeValueInATableRowOrError_NeverExceedsTheLimit()
    {
        var plan = TruncationPlans.ManyInvalid(count: 2, errorsEach: 1, messageLength: 200_000);

        var markdown = Comment.Render(plan);

        Assert.True(markdown.Length <= MarkdownOptions.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("2 of 2 errors", Note(markdown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(120)]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(700)]
    [InlineData(1_000)]
    public void Markdown_AnyLimit_IsNeverExceeded(int maxLength)
    {
        var plan = TruncationPlans.ManyInvalid(count: 30, errorsEach: 2, messageLength: 80);
        var renderer = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { MaxLength = maxLength });

        var markdown = renderer.Render(plan);

        Assert.True(markdown.Length <= maxLength, $"{markdown.Length} characters for a limit of {maxLength}");
        if (maxLength >= MarkdownOptions.DefaultMarker.Length)
        {
            Assert.StartsWith(MarkdownOptions.DefaultMarker, markdown, StringComparison.Ordinal);
        }

        if (maxLength >= 400)
        {
            Assert.Contains($"**{plan.Summary}**", markdown, StringComparison.Ordinal);
            Assert.Contains("left out", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markdown_LimitBelowTheHeadings_KeepsOnlyTheSummaryAndSaysSo()
    {
        var plan = TruncationPlans.ManyInvalid(count: 30, errorsEach: 2, messageLength: 80);

        var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { MaxLength = 400 }).Render(plan);

        Assert.Equal(
            "<!-- task-reconciler:plan -->\n### ❌ Task Reconciler plan\n\n**Plan: 0 to update, 0 to adopt, 0 to unmanage, 30 invalid, 0 unchanged.**\n\n"
            + "> ✂️ Only the summary fits in 400 characters; everything else was left out. Run `reconciler plan` for the full plan.\n",
            markdown);
    }

    [Trait("Category", "Slow")] // a plan rendered at every limit
    [Fact]
    public void Markdown_EveryLimitFromSmallToWhole_FitsAndSaysWhatWasCut()
    {
        var plan = TruncationPlans.Mixed();
        var whole = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { MaxLength = int.MaxValue }).Render(plan);
        Assert.DoesNotContain("left out", whole, StringComparison.Ordinal);

        for (var limit = 600; limit <= whole.Length + 10; limit += 7)
        {
            var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { MaxLength = limit }).Render(plan);
            Assert.True(markdown.Length <= limit, $"{markdown.Length} characters for a limit of {limit}");
            Assert.Contains($"**{plan.Summary}**", markdown, StringComparison.Ordinal);
            if (markdown != whole)
            {
                AssertNoteMatchesWhatIsShown(plan, markdown);
            }
        }
    }

    [Fact]
    public void Markdown_PlanThatFits_HasNoTruncationNote()
    {
        var markdown = Comment.Render(TruncationPlans.Mixed());

        Assert.DoesNotContain("✂️", markdown, StringComparison.Ordinal);
    }

    /// <summary>The note's counts agree with what the comment actually shows.</summary>
    private static void AssertNoteMatchesWhatIsShown(Plan plan, string markdown)
    {
        var note = Note(markdown);
        var grouped = PlanGrouping.Of(plan);
        var listed = grouped.Distinct.Count + grouped.Groups.Count;
        var rows = markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| | Task", StringComparison.Ordinal));
        var diffs = grouped.Distinct.OfType<PlanEntry>().Count(e => e.Changes.Count > 0);
        var shownDiffs = Regex.Count(markdown, "<details(?: open)?><summary>[^<]*<b>");
        Assert.Equal(listed - rows, LeftOut(note, "table rows"));
        Assert.Equal(diffs - shownDiffs, LeftOut(note, "diffs"));
        Assert.Equal(plan.Diagnostics.Count(d => d.IsError) - ErrorLines(markdown).Count, LeftOut(note, "errors"));
    }

    private static int LeftOut(string note, string what)
    {
        var match = Regex.Match(note, $"([0-9,]+) of [0-9,]+ {what}");
        return match.Success ? int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 0;
    }

    private static string Note(string markdown)
    {
        var line = markdown.Split('\n').SingleOrDefault(l => l.StartsWith("> ✂️", StringComparison.Ordinal));
        Assert.True(line is not null, "the comment has no truncation note");
        return line;
    }

    private static PlanEntry Unchanged(string taskId) =>
        new(PlanAction.Unchanged, new Manifests.TaskIdentity(TestManifests.UserId, taskId), "不变", new Diagnostics.SourceLocation("tasks/same.yaml", 1, 1), [], []);

    /// <summary>The bullet lines of the errors section (it ends at its first blank line).</summary>
    private static IReadOnlyList<string> ErrorLines(string markdown)
    {
        var start = markdown.IndexOf("#### ❌ Errors\n\n", StringComparison.Ordinal);
        return start < 0 ? [] : markdown[(start + "#### ❌ Errors\n\n".Length)..].Split('\n').TakeWhile(l => l.Length > 0).ToList();
    }
}

using Reconciler.GitHub;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// Identical changes to many tasks, from the command line: one group in the comment (its task list cut first, with a
/// note linking the job summary that has them all), and in the terminal a group whose tasks are listed on request.
/// </summary>
public sealed class GroupedPlanCommentTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Plan_ThousandIdenticalNewTasksInActions_OneGroupAndTheCutNoteLinksTheJobSummary()
    {
        await using var pr = await StartAsync();
        for (var i = 1; i <= 1_000; i++)
        {
            pr.Write($"tasks/t{i:0000}.yaml", PrManifests.Valid(i, $"信用卡逾期提醒-华东-第{i}批"));
        }

        pr.Write("tasks/odd.yaml", PrManifests.Valid(1_001, "唯一的任务", maximumcall: 4));
        var summary = pr.Write("summary.md", "");
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;
        pr.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        pr.Environment["GITHUB_REPOSITORY"] = Repository;
        pr.Environment["GITHUB_RUN_ID"] = "9876543210";

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var comment = Assert.Single(pr.GitHub.CommentsOn(Pr), c => c.Body.Contains(PlanChannel.LiveState.Marker, StringComparison.Ordinal)).Body;
        Assert.InRange(comment.Length, 30_000, 65_536);
        Assert.Contains("#### + group 1 · adopt · 1,000 tasks in 1 account", comment, StringComparison.Ordinal);
        Assert.Contains("<details open><summary>+ adopt <b>唯一的任务", comment, StringComparison.Ordinal);
        var note = comment.Split('\n').Single(l => l.StartsWith("> ✂️", StringComparison.Ordinal));
        Assert.Matches(@"left out the names of [0-9,]+ of 1,000 grouped tasks \(group 1\)\. The whole plan, every grouped task listed, is in the \[job summary of this workflow run\]\(https://github\.com/o/r/actions/runs/9876543210\)\.$", note);

        // The job summary (about 345,000 characters of room) names every task.
        var summaryText = await File.ReadAllTextAsync(summary);
        Assert.DoesNotContain("✂️", summaryText, StringComparison.Ordinal);
        Assert.Equal(1_000, summaryText.Split('\n').Count(l => l.StartsWith("- 信用卡逾期提醒-华东-第", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Plan_RunnerVariablesThatAreNotARunAddress_AreNeverMadeALink()
    {
        await using var pr = await StartAsync();
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        pr.Environment["GITHUB_REPOSITORY"] = "o/r)[click](https://evil.example";
        pr.Environment["GITHUB_RUN_ID"] = "1";

        var note = Reconciler.Cli.Output.WholePlanNote.ForComment(new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, false, false, name => pr.Environment.GetValueOrDefault(name), pr.Directory), null);

        Assert.Equal("The whole plan, every grouped task listed, is in the job summary of this workflow run.", note);
    }

    [Fact]
    public async Task Plan_TwelveIdenticalChanges_TextNamesThemOnlyWithListGrouped()
    {
        await using var pr = await StartAsync();
        for (var i = 1; i <= 12; i++)
        {
            pr.Write($"tasks/t{i:00}.yaml", PrManifests.Valid(i, $"回访-{i}"));
        }

        var plain = await pr.RunAsync("plan", ".");
        var listed = await pr.RunAsync("plan", ".", "--list-grouped");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("+ adopt     group 1: 12 tasks in 1 account: new to tracking, the same body apart from the name\n", plain.Out, StringComparison.Ordinal);
        Assert.Contains("    tasks: 12, not listed (--list-grouped lists them)\n", plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("回访-7", plain.Out, StringComparison.Ordinal);
        Assert.Equal(12, listed.Out.Split('\n').Count(l => l.StartsWith("      回访-", StringComparison.Ordinal)));
    }
}

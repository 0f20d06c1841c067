using System.Text;
using System.Text.Json;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>Inside GitHub Actions: annotations on stdout that point at the changed lines, and the plan in the job summary.</summary>
public sealed class GitHubActionsOutputTests
{
    private const string ErrorAt9 = "::error file=sample-repo/tasks/x.yaml,line=9,col=16::" + PrManifests.MaximumCallError;
    private const string ErrorAt15 = "::error file=sample-repo/tasks/x.yaml,line=15,col=22::" + PrManifests.RedialError;
    private const string WarningAt8 = "::warning file=sample-repo/tasks/w.yaml,line=8,col=20::" + PrManifests.GroupSwitchWarning;

    [Theory]
    [InlineData("sample-repo")]
    [InlineData("sample-repo/")]
    [InlineData("./sample-repo")]
    public async Task Plan_InGitHubActions_PrintsAnnotationsWithTheDirectoryAsTyped(string typed)
    {
        await using var pr = await StartAsync();
        WriteSampleRepo(pr);
        pr.Environment["GITHUB_ACTIONS"] = "true";

        var run = await pr.RunAsync("plan", typed);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([WarningAt8, ErrorAt9, ErrorAt15], Annotations(run.Out));
        Assert.Contains("Plan: 0 to update, 1 to adopt, 0 to unmanage, 1 invalid, 0 unchanged.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_FormatGitHub_PrintsTheSameAnnotationsOutsideActions()
    {
        await using var pr = await StartAsync();
        WriteSampleRepo(pr);

        var run = await pr.RunAsync("plan", "sample-repo", "--format", "github");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([WarningAt8, ErrorAt9, ErrorAt15], Annotations(run.Out));
    }

    [Fact]
    public async Task Plan_OutsideActions_PrintsNoAnnotationsAndWritesNoSummary()
    {
        await using var pr = await StartAsync();
        WriteSampleRepo(pr);
        var summary = pr.Write("summary.md", "");
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var run = await pr.RunAsync("plan", "sample-repo");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(Annotations(run.Out));
        Assert.Equal("", File.ReadAllText(summary));
    }

    [Fact]
    public async Task Plan_InGitHubActions_AppendsTheMarkdownPlanToTheStepSummary()
    {
        await using var pr = await StartAsync();
        WriteSampleRepo(pr);
        var summary = pr.Write("summary.md", "# Earlier step output\n\n");
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var run = await pr.PlanAsync("sample-repo");

        Assert.True(run.ExitCode == 1, run.ToString());
        var text = File.ReadAllText(summary);
        Assert.StartsWith("# Earlier step output\n\n### ❌ Task Reconciler plan\n\n**Plan: 0 to update, 1 to adopt, 0 to unmanage, 1 invalid, 0 unchanged.**", text, StringComparison.Ordinal);
        Assert.Contains("- `sample-repo/tasks/x.yaml:9:16` maximumcall 3 must divide evenly", text, StringComparison.Ordinal);
        Assert.Contains(@"| + | 满意度调查-售后 \(0badc0de-0000-4000-8000-000000000002\) | `sample-repo/tasks/w.yaml` | adopt | all (new task) |", text, StringComparison.Ordinal);

        // The summary is for people reading the run; the hidden marker belongs to the PR comment only.
        Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
        Assert.Single(pr.GitHub.CommentsOn(Pr));
    }

    [Fact]
    public async Task Plan_InGitHubActionsWithJson_KeepsStdoutPureJson()
    {
        await using var pr = await StartAsync();
        WriteSampleRepo(pr);
        var summary = pr.Write("summary.md", "");
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var run = await pr.RunAsync("plan", "sample-repo", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("invalid").GetInt32());
        Assert.Contains("### ❌ Task Reconciler plan", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_HugeChinesePlanInActions_StaysUnderTheOneMebibyteSummaryLimit()
    {
        // GitHub drops a step summary over 1 MiB — bytes, and a Chinese character is three of them in UTF-8.
        await using var pr = await StartAsync();
        var remark = string.Concat(Enumerable.Repeat("逾期客户还款提醒转人工坐席", 200));
        for (var i = 1; i <= 150; i++)
        {
            // Each remark its own (numbered), so the 150 new tasks are 150 distinct changes and not one group.
            pr.Write($"tasks/t{i:000}.yaml", PrManifests.Valid(i, $"信用卡逾期提醒-{i}").Replace("  dial_time_id: 12", $"  dial_time_id: 12\n  remark: {remark}{i}", StringComparison.Ordinal));
        }

        var summary = pr.Write("summary.md", "");
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var run = await pr.RunAsync("plan", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = new FileInfo(summary).Length;
        Assert.InRange(bytes, 500_000, 1024 * 1024);
        Assert.Contains("left out", File.ReadAllText(summary, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_StepSummaryUnwritable_WarnsAndKeepsTheExitCode()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        pr.Environment["GITHUB_ACTIONS"] = "true";
        pr.Environment["GITHUB_STEP_SUMMARY"] = pr.Directory;

        var run = await pr.RunAsync("plan", ".", "--detailed-exitcode");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("reconciler: warning: could not append the plan to the job summary (GITHUB_STEP_SUMMARY)", run.Error, StringComparison.Ordinal);
    }

    private static void WriteSampleRepo(PrWorkspace pr)
    {
        pr.Write("sample-repo/tasks/x.yaml", PrManifests.Invalid(1));
        pr.Write("sample-repo/tasks/w.yaml", PrManifests.WithWarning(2));

        // Other tools' YAML in hidden folders is not a manifest.
        pr.Write("sample-repo/.github/workflows/plan.yml", "on: pull_request\njobs: {}\n");
    }

    private static string[] Annotations(string stdout) =>
        stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToArray();
}

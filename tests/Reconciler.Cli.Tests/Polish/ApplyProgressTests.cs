using Reconciler.Cli.Apply;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>
/// On a terminal the bar names the last task finished, and every task's outcome is listed once it is done: once, an applied
/// task on stdout and any other outcome on stderr, never on both.
/// </summary>
public sealed class ApplyProgressTests
{
    [Fact]
    public async Task RunAsync_OnATerminal_ListsEveryTaskOnceAfterTheBar()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""), OutIsTerminal: true, InIsTerminal: false, _ => null, Path.GetTempPath());
        var progress = new ApplyProgress(console);

        await progress.RunAsync(3, p =>
        {
            p.Report(Result("信用卡逾期提醒", ApplyOutcome.Applied));
            p.Report(Result("[bold]续费回访[/]", ApplyOutcome.Applied));
            p.Report(Result("满意度调查", ApplyOutcome.Blocked, 6007, "2.0任务启动中,请先停止任务"));
            return Task.FromResult(0);
        });

        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("信用卡逾期提醒", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("applied", StringComparison.Ordinal) && l.Contains("[bold]续费回访[/]", StringComparison.Ordinal));
        Assert.DoesNotContain("blocked", output.ToString(), StringComparison.Ordinal);
        var problem = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("reconciler: blocked (running)", problem, StringComparison.Ordinal);
        Assert.Contains("[code 6007]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InALog_PrintsEachNonAppliedOutcomeOnceOnStderr()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""), OutIsTerminal: false, InIsTerminal: false, _ => null, Path.GetTempPath());

        await new ApplyProgress(console).RunAsync(2, p =>
        {
            p.Report(Result("信用卡逾期提醒", ApplyOutcome.Applied));
            p.Report(Result("满意度调查", ApplyOutcome.Rejected, 422, "task_extras.pop_mode 不能为空"));
            return Task.FromResult(0);
        });

        Assert.StartsWith("applied", Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("reconciler: rejected  满意度调查 (5) [code 422]: task_extras.pop_mode 不能为空", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd());
    }

    private static TaskApplyResult Result(string name, ApplyOutcome outcome, int? code = null, string? message = null) =>
        new(new PlanEntry(PlanAction.Update, new TaskIdentity("u-1", name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), name, null, [], []), outcome, code, message, TimeSpan.FromMilliseconds(20));
}

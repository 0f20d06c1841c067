using Reconciler.Cli.Apply;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>On a terminal the bar names the last task finished, and every task's outcome is listed once it is done.</summary>
public sealed class ApplyProgressTests
{
    [Fact]
    public async Task RunAsync_OnATerminal_ListsEveryTaskAfterTheBar()
    {
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), new StringReader(""), OutIsTerminal: true, InIsTerminal: false, _ => null, Path.GetTempPath());
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
        Assert.Contains(lines, l => l.StartsWith("blocked (running)", StringComparison.Ordinal) && l.Contains("[code 6007]", StringComparison.Ordinal));
    }

    private static TaskApplyResult Result(string name, ApplyOutcome outcome, int? code = null, string? message = null) =>
        new(new PlanEntry(PlanAction.Update, new TaskIdentity("u-1", name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), name, null, [], []), outcome, code, message, TimeSpan.FromMilliseconds(20));
}

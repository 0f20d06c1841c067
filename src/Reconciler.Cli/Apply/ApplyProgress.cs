using Reconciler.Cli.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Spectre.Console;

namespace Reconciler.Cli.Apply;

/// <summary>
/// Shows apply as it goes: on a terminal a progress bar naming the last task finished, then one line per task
/// once the bar is done; elsewhere (CI logs) one line per task as it finishes. A long apply is never silent,
/// and every task's outcome stays on the screen, once: an applied task on stdout, any other outcome on stderr
/// (<c>reconciler: blocked …</c>), where problems go.
/// </summary>
internal sealed class ApplyProgress(CliConsole console) : IProgress<TaskApplyResult>
{
    private readonly object _gate = new();
    private readonly List<TaskApplyResult> _finished = [];
    private ProgressTask? _bar;
    private int _total;

    public async Task<T> RunAsync<T>(int total, Func<IProgress<TaskApplyResult>, Task<T>> apply)
    {
        if (!console.OutIsTerminal || total == 0)
        {
            return await apply(this);
        }

        _total = total;
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
        var result = await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask($"Applying 0/{total}", maxValue: total);
                return await apply(this);
            });

        // The bar is gone; what happened to each task stays on the screen, as it does in a log.
        lock (_gate)
        {
            foreach (var finished in _finished)
            {
                Write(finished);
            }
        }

        return result;
    }

    public void Report(TaskApplyResult value)
    {
        lock (_gate)
        {
            if (value.Platform is not null)
            {
                // Not this task's failure but the platform's (unreachable, token refused): said once for the run, not per task.
                _bar?.Increment(1);
                return;
            }

            if (_bar is not null)
            {
                // The bar names the task that just finished (several may be in flight at once): its name is markup-escaped.
                _finished.Add(value);
                _bar.Increment(1);
                _bar.Description = Markup.Escape(TextColumns.Clip($"Applying {_finished.Count}/{_total}: {PlanText.Title(value.Entry)}", 60));
                return;
            }

            Write(value);
        }
    }

    private void Write(TaskApplyResult result)
    {
        if (result.Outcome == ApplyOutcome.Applied)
        {
            console.Out.WriteLine(Line(result));
        }
        else
        {
            console.Error.WriteLine("reconciler: " + Line(result));
        }
    }

    public static string Line(TaskApplyResult result)
    {
        var word = result.Outcome switch
        {
            ApplyOutcome.Applied when result.Stopped => $"{result.Outcome.ToWord()} (task was stopped first and left stopped)",
            ApplyOutcome.Blocked => $"{result.Outcome.ToWord()} (running)",
            _ => result.Outcome.ToWord(),
        };
        // The message is the platform's text: escaped like everything else from outside.
        var detail = result.Outcome == ApplyOutcome.Applied || string.IsNullOrEmpty(result.Message) ? "" : $": {ControlText.Escape(result.Message)}";
        var code = result.ApiCode is { } c && result.Outcome != ApplyOutcome.Applied ? $" [code {c}]" : "";
        var verification = result.Verification is { } v ? $" ({ControlText.Escape(v.ToString())})" : "";
        return $"{word,-9} {PlanText.Title(result.Entry)}{code}{verification}{detail}";
    }
}

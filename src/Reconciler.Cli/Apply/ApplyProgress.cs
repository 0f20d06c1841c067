using Reconciler.Core.Applying;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Spectre.Console;

namespace Reconciler.Cli.Apply;

/// <summary>
/// Shows apply as it goes: a progress bar on a terminal, one line per finished task elsewhere (CI logs),
/// so a long apply is never silent and a failure is visible as soon as it happens.
/// </summary>
internal sealed class ApplyProgress(CliConsole console) : IProgress<TaskApplyResult>
{
    private readonly object _gate = new();
    private ProgressTask? _bar;

    public async Task<T> RunAsync<T>(int total, Func<IProgress<TaskApplyResult>, Task<T>> apply)
    {
        if (!console.OutIsTerminal || total == 0)
        {
            return await apply(this);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
        return await terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask("Applying", maxValue: total);
                return await apply(this);
            });
    }

    public void Report(TaskApplyResult value)
    {
        lock (_gate)
        {
            if (_bar is not null)
            {
                _bar.Increment(1);
                return;
            }

            console.Out.WriteLine(Line(value));
        }
    }

    public static string Line(TaskApplyResult result)
    {
        var word = result.Outcome switch
        {
            ApplyOutcome.Applied => result.Stopped ? "applied (task was stopped first and left stopped)" : "applied",
            ApplyOutcome.Blocked => "blocked (running)",
            _ => result.Outcome.ToString().ToLowerInvariant(),
        };
        // The message is the platform's text: escaped like everything else from outside.
        var detail = result.Outcome == ApplyOutcome.Applied || string.IsNullOrEmpty(result.Message) ? "" : $": {ControlText.Escape(result.Message)}";
        var code = result.ApiCode is { } c && result.Outcome != ApplyOutcome.Applied ? $" [code {c}]" : "";
        return $"{word,-9} {PlanText.Title(result.Entry)}{code}{detail}";
    }
}

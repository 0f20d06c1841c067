using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>Ctrl-C at apply's confirmation prompt cancels at once: exit 1, "Apply cancelled", nothing sent.</summary>
public sealed class ConfirmationCancelTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_CtrlCAtThePrompt_CancelsWithoutSendingAnything()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");
        using var stop = new CancellationTokenSource();
        using var keyboard = new SilentTerminal();

        var applying = InProcessCli.RunAsync(
            work.Path,
            work.Environment,
            ["apply", ApplyWorkspace.ManifestDir, "--api-url", simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile],
            terminal: true,
            input: keyboard,
            cancellationToken: stop.Token);
        await keyboard.Asked.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the prompt is waiting for a line
        await stop.CancelAsync(); // what Ctrl-C does: System.CommandLine cancels the command's token
        var result = await applying;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Apply these changes?", result.Out, StringComparison.Ordinal);
        Assert.Contains("Apply cancelled.", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(task).PutCount);
    }

    /// <summary>A terminal where nobody types: a read waits until the test ends (as a console read ignores cancellation).</summary>
    private sealed class SilentTerminal : TextReader
    {
        private readonly TaskCompletionSource<string?> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return new ValueTask<string?>(_never.Task);
        }

        protected override void Dispose(bool disposing)
        {
            _never.TrySetResult(null);
            base.Dispose(disposing);
        }
    }
}

using System.Diagnostics;
using System.Text;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Simulator;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>
/// Ctrl-C at apply's prompt, as a user presses it: the real CLI on a pseudo-terminal (util-linux <c>script</c>),
/// SIGINT to the process. The in-process test (<see cref="ConfirmationCancelTests"/>) stands in for the signal
/// with a cancelled token; this one proves the signal reaches that token while the prompt waits for a line.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class ConfirmationCtrlCProcessTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [RequiresPseudoTerminalFact]
    public async Task Apply_SigIntAtTheTerminalPrompt_CancelsAtOnceAndSendsNothing()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var command = $"exec {Quote(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")} {Quote(ReconcilerProcess.DllPath)} apply {ApplyWorkspace.ManifestDir} --api-url {Quote(simulator.BaseAddress.ToString())} --state {Quote(work.StatePath)}";

        // `env --default-signal`: a test host started in the background inherits SIGINT ignored, and the runtime
        // keeps an inherited "ignore"; a terminal's foreground process has the default, so the test gives it that.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = work.Path,
            RedirectStandardInput = true, // kept open: end of input would also cancel the prompt, proving nothing
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "--default-signal=INT,QUIT", "script", "-qfec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RECONCILER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in work.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        using var terminal = Process.Start(start) ?? throw new InvalidOperationException("script did not start");
        var screen = new StringBuilder();
        var reading = ReadAllAsync(terminal.StandardOutput, screen, timeout.Token);
        try
        {
            await WaitUntilAsync(() => Snapshot(screen).Contains("Apply these changes?", StringComparison.Ordinal), timeout.Token);
            var cli = FindProcess(work.StatePath) ?? throw new InvalidOperationException("the CLI process behind the terminal was not found");
            await RunAsync("kill", ["-INT", cli.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout.Token);

            await terminal.WaitForExitAsync(timeout.Token);
            await reading;
        }
        finally
        {
            if (!terminal.HasExited)
            {
                terminal.Kill(entireProcessTree: true);
            }
        }

        var output = Snapshot(screen);
        Assert.True(terminal.ExitCode == 1, $"exit {terminal.ExitCode}\n{output}");
        Assert.Contains("Apply cancelled.", output, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(task).PutCount);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Snapshot(StringBuilder screen)
    {
        lock (screen)
        {
            return screen.ToString();
        }
    }

    private static async Task ReadAllAsync(StreamReader reader, StringBuilder screen, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lock (screen)
            {
                screen.Append(buffer, 0, read);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The process whose command line names this test's own state file: the CLI, not the shell or script.</summary>
    private static int? FindProcess(string statePath)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (arguments.Contains(statePath) && arguments.Any(a => a.EndsWith("reconciler.dll", StringComparison.Ordinal)) && !arguments.Contains("script"))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process.
            }
        }

        return null;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        await process.WaitForExitAsync(cancellationToken);
    }
}

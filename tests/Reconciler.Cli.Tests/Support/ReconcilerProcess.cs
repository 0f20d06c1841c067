using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// The CLI as a real process: <c>dotnet reconciler.dll</c> from this test's output directory (the project
/// reference puts it there), stdin redirected so it is not a terminal, and only the environment the test gives
/// plus the inherited one minus every <c>RECONCILER_*</c> variable.
/// </summary>
internal sealed class ReconcilerProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private ReconcilerProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "reconciler.dll");

    public int Id => _process.Id;

    public static ReconcilerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, [], args);

    /// <param name="wrapper">A command that runs the CLI in its place (e.g. <c>setpriv --reuid=65534 …</c>), or empty.</param>
    /// <param name="executable">A native executable to run instead of <c>dotnet reconciler.dll</c> (reconciler-validate).</param>
    public static ReconcilerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> wrapper, IReadOnlyList<string> args, string? executable = null)
    {
        Assert.True(executable is not null || File.Exists(DllPath), $"{DllPath} is missing: the CLI project reference should copy it here");
        var dotnet = executable ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in wrapper.Skip(1).Concat(wrapper.Count > 0 ? [dotnet] : []))
        {
            start.ArgumentList.Add(arg);
        }

        if (executable is null)
        {
            start.ArgumentList.Add(DllPath);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RECONCILER_", StringComparison.Ordinal) || k.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new ReconcilerProcess(process);
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await process.WaitAsync();
    }

    /// <summary>Runs a native executable (not the CLI's assembly) the same way, bounded, with the same environment rules.</summary>
    public static async Task<CliResult> RunExecutableAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        using var process = Start(workingDirectory, environment, [], args, executable);
        return await process.WaitAsync();
    }

    /// <summary>Waits (bounded) for the process to exit and returns what it printed.</summary>
    public async Task<CliResult> WaitAsync()
    {
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"reconciler (pid {_process.Id}) did not exit within {Limit.TotalSeconds} s");
        }

        return new CliResult(_process.ExitCode, await _out, await _error);
    }

    /// <summary>SIGTERM, as systemd and Kubernetes stop a service (kill(2) directly, no helper binary needed).</summary>
    public void Terminate() => Signal(SigTerm, "SIGTERM");

    private void Signal(int signal, string name)
    {
        if (Kill(Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({Id}, {name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGSTOP: the process is frozen where it stands, its connections left open (a stalled VM, a long GC pause). Linux only.</summary>
    public void Pause() => Signal(SigStop, "SIGSTOP");

    /// <summary>SIGCONT: a paused process goes on from where it stood, unaware of the time that passed.</summary>
    public void Resume() => Signal(SigCont, "SIGCONT");

    /// <summary>SIGKILL: no handler runs, nothing is flushed or recorded — a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in the test project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}

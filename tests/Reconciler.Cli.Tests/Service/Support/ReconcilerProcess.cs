using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Reconciler.Cli.Tests.Service.Support;

/// <summary>
/// The real <c>reconciler</c> program as a child process (<c>dotnet reconciler.dll</c> from the test output,
/// which references the CLI project), with a clean environment and captured output.
/// </summary>
internal sealed class ReconcilerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ReconcilerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Add(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Stdout => _stdout.ToArray();

    public string Stderr => string.Join('\n', _stderr);

    public static ReconcilerProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reconciler.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Whatever the machine has (CI sets GITHUB_TOKEN), the child sees only what the test gives it.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("RECONCILER_", StringComparison.Ordinal) || k is "GITHUB_TOKEN" or "GITHUB_ACTIONS").ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new ReconcilerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start reconciler"));
    }

    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM, as systemd and Kubernetes do to stop a service (kill(2), no helper binary needed).</summary>
    public void Terminate()
    {
        if (Kill(Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (a bounded wait for a real process); kills it and fails when it does not come.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"reconciler did not exit within {limit.TotalSeconds} s\nstdout:\n{string.Join('\n', Stdout)}\nstderr:\n{Stderr}");
        }

        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in the test project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private static void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}

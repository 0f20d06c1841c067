using System.Globalization;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// Runs the real <c>reconciler</c> process on a hostile repository and measures its peak resident memory: VmHWM
/// from <c>/proc/PID/status</c>, sampled every 5 ms by a dedicated thread while it runs (the kernel keeps the high-water mark, so a sample
/// taken late still sees an earlier peak; only growth in the last few milliseconds before exit can be missed). The GC heap is
/// also capped, so a runaway read fails fast with an error instead of eating the machine. A process that does not
/// end within <see cref="ReconcilerProcess.Limit"/> is killed and the test fails.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class HostileRunner
{
    /// <summary>Peak resident memory allowed for any case; the CLI needs about 60–150 MB.</summary>
    public const long MemoryBudgetKb = 400 * 1024;

    /// <summary>Whether unprivileged runs are possible here: not root, or root with setpriv on PATH.</summary>
    public static bool CanRunUnprivileged => UnprivilegedUser.CanRun;

    public static Task<(CliResult Result, long PeakKb)> RunAsync(HostileRepo repo, HostileCase item) =>
        MeasureAsync(repo.WorkingDirectory, item.Environment, item.Unprivileged ? UnprivilegedUser.Wrapper : [], item.Args);

    /// <summary>Runs the CLI in <paramref name="workingDirectory"/> with a capped GC heap and measures its peak resident memory.</summary>
    public static async Task<(CliResult Result, long PeakKb)> MeasureAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> wrapper, IReadOnlyList<string> args)
    {
        var capped = new Dictionary<string, string>(environment)
        {
            ["DOTNET_GCHeapHardLimit"] = "0x20000000", // 512 MiB: a runaway read ends in an error, not a swapped machine
            ["NO_COLOR"] = "1",
        };
        using var process = ReconcilerProcess.Start(workingDirectory, capped, wrapper, args);
        var sampler = new Sampler(process.Id);
        var thread = new Thread(sampler.Run) { IsBackground = true, Name = "VmHWM sampler" };
        thread.Start();
        var result = await process.WaitAsync();
        sampler.Stop();
        thread.Join();
        return (result, sampler.PeakKb);
    }

    /// <summary>A dedicated thread (not the busy thread pool) reading VmHWM every 5 ms until the process is gone.</summary>
    private sealed class Sampler(int pid)
    {
        private volatile bool _stopped;

        public long PeakKb { get; private set; }

        public void Stop() => _stopped = true;

        public void Run()
        {
            while (!_stopped)
            {
                PeakKb = Math.Max(PeakKb, HighWaterMarkKb(pid));
                Thread.Sleep(5);
            }
        }
    }

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has exited (or is a zombie without memory): nothing more to sample.
        }

        return 0;
    }
}

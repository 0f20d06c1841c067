using System.Diagnostics;

namespace Reconciler.Service.Tests.Support;

/// <summary>
/// A small tmpfs mounted for one test, so a state file can be put on a disk that fills up or turns read-only —
/// what a full or read-only volume does to SQLite. Needs the right to mount (root in the CI container); tests
/// that need it are skipped, with the reason shown, where that right is missing.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Null when tmpfs can be mounted here; otherwise why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static TmpfsMount Create(string directory, int sizeKilobytes)
    {
        Directory.CreateDirectory(directory);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeKilobytes}k", "tmpfs", directory);
        return new TmpfsMount(directory);
    }

    public void ReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void ReadWrite() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Fills the file system to the last byte (the file is kept so the test can free the space again).</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }

        return filler;
    }

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
        }
        catch (InvalidOperationException)
        {
            // Best effort: a lazy unmount that fails leaves a tmpfs that vanishes with the container.
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs mounts are a Linux feature";
        }

        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reconciler-tmpfs-probe-" + Environment.ProcessId);
        try
        {
            using var mount = Create(probe, 64);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"cannot mount a tmpfs here ({e.Message}); the test needs it to make the state's disk full or read-only";
        }
        finally
        {
            try
            {
                Directory.Delete(probe);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{command} could not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)}: exit {process.ExitCode}: {error.Trim()}");
        }
    }
}

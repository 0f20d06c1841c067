using System.Diagnostics;
using System.Globalization;

namespace Reconciler.Benchmarks.SideBySide;

/// <summary>
/// Runs one command as a whole process under GNU time (<c>/usr/bin/time</c>, which reads the child's
/// rusage through wait4) and gives its wall-clock time, CPU time (user + system, children included) and
/// peak resident set size. Output is discarded: only the cost of producing it is measured.
/// </summary>
internal static class MeasuredProcess
{
    public const string TimeBinary = "/usr/bin/time";

    public static Measurement Run(ToolCommand tool)
    {
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(TimeBinary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = tool.WorkingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var argument in new[] { "-f", "%U %S %M", "-o", report, tool.Program }.Concat(tool.Arguments))
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in tool.Environment)
            {
                start.Environment[name] = value;
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool.Program}");

            // Drain both pipes so a chatty tool never blocks on a full pipe; the text itself is not kept.
            var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Task.WaitAll(output, errors);
            watch.Stop();

            var fields = File.ReadAllLines(report).Last(l => l.Length > 0).Split(' ');
            var cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
            var rssKilobytes = long.Parse(fields[2], CultureInfo.InvariantCulture);
            if (process.ExitCode != tool.ExpectedExitCode)
            {
                throw new InvalidOperationException(
                    $"{tool.Name} exited with {process.ExitCode}, expected {tool.ExpectedExitCode}: {Shorten(errors.Result)}");
            }

            return new Measurement(watch.Elapsed.TotalSeconds, cpu, rssKilobytes / 1024.0);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}

/// <summary>One run of one tool: seconds of wall clock, seconds of CPU, and peak RSS in MiB.</summary>
internal sealed record Measurement(double WallSeconds, double CpuSeconds, double PeakRssMegabytes);

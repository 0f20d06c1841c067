namespace Reconciler.Benchmarks.SideBySide;

/// <summary>A one-line description of the machine, read from /proc (Linux), for the figures' context.</summary>
internal static class MachineText
{
    public static string Cpu() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";

    public static string Memory() =>
        ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes)
            ? $"{kilobytes / 1024.0 / 1024.0:0.#} GiB RAM"
            : "unknown memory";

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

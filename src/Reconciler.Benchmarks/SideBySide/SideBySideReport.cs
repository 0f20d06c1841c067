using System.Globalization;

namespace Reconciler.Benchmarks.SideBySide;

/// <summary>Prints one size's table (markdown, so it can be pasted into docs/performance.md) and the ratios.</summary>
internal static class SideBySideReport
{
    public static void Print(string title, IReadOnlyList<ToolResult> results)
    {
        Table(title, "tool", results);

        var others = results.Where(r => !r.Tool.IsOurs).ToList();
        Console.WriteLine();
        Console.WriteLine($"| ratio of median wall (CPU) | {string.Join(" | ", others.Select(o => "vs " + o.Tool.Name))} |");
        Console.WriteLine($"|---|{string.Concat(others.Select(_ => "---:|"))}");
        foreach (var ours in results.Where(r => r.Tool.IsOurs))
        {
            var ratios = others.Select(o => $"{Ratio(ours.MedianWall, o.MedianWall)} ({Ratio(ours.MedianCpu, o.MedianCpu)})");
            Console.WriteLine($"| {ours.Tool.Name} | {string.Join(" | ", ratios)} |");
        }
    }

    /// <summary>A table, then the ratio of each pair of rows (the second of each pair over the first).</summary>
    public static void PrintPairs(string title, IReadOnlyList<ToolResult> results)
    {
        Table(title, "command", results);

        Console.WriteLine();
        Console.WriteLine("| ratio | min wall | median wall | median CPU | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i + 1 < results.Count; i += 2)
        {
            var (plain, set) = (results[i], results[i + 1]);
            Console.WriteLine($"| {set.Tool.Name} / {plain.Tool.Name} | {Ratio(set.MinWall, plain.MinWall)} | {Ratio(set.MedianWall, plain.MedianWall)} | {Ratio(set.MedianCpu, plain.MedianCpu)} | {Ratio(set.MaxRss, plain.MaxRss)} |");
        }
    }

    public static void PrintMemory(string title, IReadOnlyList<ToolResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| command | median wall | median CPU | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var result in results)
        {
            Console.WriteLine($"| {result.Tool.Name} | {Seconds(result.MedianWall)} | {Seconds(result.MedianCpu)} | {Megabytes(result.MaxRss)} |");
        }
    }

    private static void Table(string title, string firstColumn, IReadOnlyList<ToolResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine($"| {firstColumn} | min wall | median wall | median CPU | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            Console.WriteLine($"| {result.Tool.Name} | {Seconds(result.MinWall)} | {Seconds(result.MedianWall)} | {Seconds(result.MedianCpu)} | {Megabytes(result.MaxRss)} |");
        }
    }

    private static string Seconds(double value) => value.ToString(value < 10 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + " s";

    private static string Megabytes(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string Ratio(double ours, double other) =>
        other <= 0 ? "—" : (ours / other).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}

namespace Reconciler.Benchmarks.SideBySide;

/// <summary>
/// Our validate and plan against the fastest JSON Schema validators, as whole processes on the same
/// manifests: per size, one warm-up run of every tool, then <c>Runs</c> rounds in which every tool runs once
/// (interleaved, so a noisy neighbour on the machine hits every tool alike). Prints min and median wall
/// clock, CPU and peak RSS, and the ratios of ours to each peer and to the <c>cat</c> floor.
/// </summary>
internal static class SideBySideBenchmark
{
    public static async Task<int> RunAsync(SideBySideOptions options)
    {
        if (!File.Exists(MeasuredProcess.TimeBinary))
        {
            Console.Error.WriteLine($"{MeasuredProcess.TimeBinary} (GNU time) is needed for CPU and peak RSS; bench/run installs it");
            return 1;
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineText.Memory()}, {MachineText.Cpu()}; {options.Runs} runs after 1 warm-up, interleaved");
        Console.WriteLine($"reconciler: {options.Reconciler}");
        foreach (var size in options.Sizes)
        {
            var corpus = await BenchCorpus.EnsureAsync(options.Work, size, options.Schemas);
            var tools = SideBySideTools.ForTime(options, corpus);
            var results = Measure(tools, options.Runs);
            SideBySideReport.Print($"{size:N0} manifest(s), {corpus.AverageBytes():N0} bytes each on average", results);
        }

        foreach (var size in options.SetSizes ?? [])
        {
            var corpus = await TaskSetCorpus.EnsureAsync(options.Work, size);
            var results = Measure(SideBySideTools.ForTaskSet(options, corpus), options.Runs);
            SideBySideReport.PrintPairs($"TaskSet: one set of {size:N0} CSV items against the same {size:N0} tasks as plain manifests", results);
        }

        foreach (var size in options.MemorySizes)
        {
            var corpus = await BenchCorpus.EnsureAsync(options.Work, size, options.Schemas);
            var runs = size > 50_000 ? 1 : Math.Min(options.Runs, 3);
            var results = Measure(SideBySideTools.ForMemory(options, corpus), runs);
            SideBySideReport.PrintMemory($"memory: every plan format at {size:N0} manifests ({runs} run(s) after 1 warm-up)", results);
        }

        return 0;
    }

    private static List<ToolResult> Measure(IReadOnlyList<ToolCommand> tools, int runs)
    {
        var results = tools.Select(t => new ToolResult(t)).ToList();
        foreach (var tool in tools)
        {
            MeasuredProcess.Run(tool); // warm-up: page cache, JIT-free paths on disk, npm module cache
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var result in results)
            {
                result.Runs.Add(MeasuredProcess.Run(result.Tool));
            }
        }

        return results;
    }
}

/// <summary>The measured runs of one tool at one size.</summary>
internal sealed class ToolResult(ToolCommand tool)
{
    public ToolCommand Tool { get; } = tool;

    public List<Measurement> Runs { get; } = [];

    public double MedianWall => Median(Runs.Select(r => r.WallSeconds));

    public double MinWall => Runs.Min(r => r.WallSeconds);

    public double MedianCpu => Median(Runs.Select(r => r.CpuSeconds));

    public double MaxRss => Runs.Max(r => r.PeakRssMegabytes);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

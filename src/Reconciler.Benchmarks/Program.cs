using System.Globalization;
using Reconciler.Benchmarks;

// Benchmarks print figures; they are not tests and assert nothing about time.
// Usage: dotnet run -c Release --project src/Reconciler.Benchmarks -- validate-plan|incremental [--count 10000]
var command = args.FirstOrDefault() ?? "validate-plan";
var count = args.SkipWhile(a => a != "--count").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10_000);
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
return command switch
{
    "validate-plan" => ValidatePlanBenchmark.Run(count),
    "incremental" => await IncrementalBenchmark.RunAsync(count, rounds),
    "service-latency" => await ServiceLatencyBenchmark.RunAsync(args.Contains("--count") ? count : 1_000, rounds, TimeSpan.FromSeconds(Option("--interval", 10)), args.Contains("--logs")),
    _ => Usage(),
};

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N] | incremental [--count N] [--rounds N] | service-latency [--count N] [--rounds N] [--interval SECONDS] [--logs]");
    return 1;
}

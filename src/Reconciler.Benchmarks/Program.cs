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
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N] | incremental [--count N] [--rounds N]");
    return 1;
}

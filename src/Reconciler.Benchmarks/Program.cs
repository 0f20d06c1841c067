using System.Globalization;
using Reconciler.Benchmarks;

// Benchmarks print figures; they are not tests and assert nothing about time.
// Usage: dotnet run -c Release --project src/Reconciler.Benchmarks -- validate-plan [--count 10000]
var command = args.FirstOrDefault() ?? "validate-plan";
var count = args.SkipWhile(a => a != "--count").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10_000);
return command switch
{
    "validate-plan" => ValidatePlanBenchmark.Run(count),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N]");
    return 1;
}

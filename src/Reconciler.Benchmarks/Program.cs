using System.Globalization;
using Reconciler.Benchmarks;

// Benchmarks print figures; they are not tests and assert nothing about time.
// Usage: dotnet run -c Release --project src/Reconciler.Benchmarks -- validate-plan [--count 10000]
//        dotnet run -c Release --project src/Reconciler.Benchmarks -- apply [--count 1000] [--parallelism 4,16] [--running-check]
var command = args.FirstOrDefault() ?? "validate-plan";
var count = Option("--count") is { } text ? Number(text) : (int?)null;
return command switch
{
    "validate-plan" => ValidatePlanBenchmark.Run(count ?? 10_000),
    "apply" => await ApplyBenchmark.RunAsync(
        count ?? 1_000,
        Option("--parallelism")?.Split(',').Select(Number).ToList() ?? [4, 16],
        args.Contains("--running-check")),
    _ => Usage(),
};

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N] | apply [--count N] [--parallelism 4,16] [--running-check]");
    return 1;
}

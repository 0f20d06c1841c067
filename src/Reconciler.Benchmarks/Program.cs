using System.Globalization;
using Reconciler.Benchmarks;

// Benchmarks print figures; they are not tests and assert nothing about time.
// Usage: dotnet run -c Release --project src/Reconciler.Benchmarks -- COMMAND [options]
//   validate-plan   [--count 10000]                                  validate + plan N manifests, then a one-file change
//   apply           [--count 1000] [--parallelism 4,16] [--running-check]  N changed tasks against 50 ms of simulated latency
//   refresh         [--count 1000] [--parallelism 4,16]              plan --refresh of N managed tasks against 50 ms of simulated latency
//   incremental     [--count 10000] [--rounds 5]                     one changed file in an N-manifest git repository
//   service-latency [--count 1000] [--rounds 5] [--interval 10] [--logs]   push → PUT through the real service, webhook and polling
var command = args.FirstOrDefault() ?? "validate-plan";
var count = Option("--count") is { } text ? Number(text) : (int?)null;
var rounds = Option("--rounds") is { } r ? Number(r) : 5;
return command switch
{
    "validate-plan" => ValidatePlanBenchmark.Run(count ?? 10_000),
    "apply" => await ApplyBenchmark.RunAsync(
        count ?? 1_000,
        Option("--parallelism")?.Split(',').Select(Number).ToList() ?? [4, 16],
        args.Contains("--running-check")),
    "refresh" => await RefreshBenchmark.RunAsync(count ?? 1_000, Option("--parallelism")?.Split(',').Select(Number).ToList() ?? [4, 16]),
    "incremental" => await IncrementalBenchmark.RunAsync(count ?? 10_000, rounds),
    "service-latency" => await ServiceLatencyBenchmark.RunAsync(count ?? 1_000, rounds, TimeSpan.FromSeconds(Option("--interval") is { } i ? Number(i) : 10), args.Contains("--logs")),
    _ => Usage(),
};

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N] | apply [--count N] [--parallelism 4,16] [--running-check] | refresh [--count N] [--parallelism 4,16] | incremental [--count N] [--rounds N] | service-latency [--count N] [--rounds N] [--interval SECONDS] [--logs]");
    return 1;
}

using System.Globalization;
using Reconciler.Benchmarks;
using Reconciler.Benchmarks.SideBySide;

// Benchmarks print figures; they are not tests and assert nothing about time.
// Usage: dotnet run -c Release --project src/Reconciler.Benchmarks -- COMMAND [options]
//   validate-plan   [--count 10000]                                  validate + plan N manifests, then a one-file change
//   apply           [--count 1000] [--parallelism 4,16] [--running-check] [--verify]  N changed tasks against 50 ms of simulated latency
//   rate            [--count 2000] [--rps 50,200] [--parallelism 16]  N changed tasks applied at --max-rps: requests per 1-second window
//   refresh         [--count 1000] [--parallelism 4,16]              plan --refresh of N managed tasks against 50 ms of simulated latency
//   incremental     [--count 10000] [--rounds 5]                     one changed file in an N-manifest git repository
//   side-by-side    [--sizes 1,1000,10000,50000] [--memory-sizes 10000,100000] [--set-sizes 10000] [--runs 5] --peers DIR --reconciler PATH [--schemas DIR] [--work DIR]
//                   whole processes against ajv and sourcemeta (bench/run sets it all up); a TaskSet of N CSV items against N plain manifests
//   corpus          [--count 10000] [--work DIR]                     only generate (or keep) the side-by-side corpus of one size
//   service-latency [--count 1000] [--rounds 5] [--interval 10] [--logs]   push → PUT through the real service, webhook and polling
//   takeover        [--count 20] [--rounds 7] [--interval 1] [--postgres CONN] [--reconciler PATH/reconciler.dll]
//                   SIGKILL of the leading replica mid-apply → takeover and convergence (needs PostgreSQL and a built CLI)
var command = args.FirstOrDefault() ?? "validate-plan";
var count = Option("--count") is { } text ? Number(text) : (int?)null;
var rounds = Option("--rounds") is { } r ? Number(r) : 5;
return command switch
{
    "stages" => StageBenchmark.Run(count ?? 10_000),
    "validate-plan" => ValidatePlanBenchmark.Run(count ?? 10_000),
    "apply" => await ApplyBenchmark.RunAsync(
        count ?? 1_000,
        Option("--parallelism")?.Split(',').Select(Number).ToList() ?? [4, 16],
        args.Contains("--running-check"),
        args.Contains("--verify")),
    "rate" => await RateBenchmark.RunAsync(
        count ?? 2_000,
        Option("--rps")?.Split(',').Select(Number).ToList() ?? [50, 200],
        Option("--parallelism") is { } p ? Number(p) : 16),
    "refresh" => await RefreshBenchmark.RunAsync(count ?? 1_000, Option("--parallelism")?.Split(',').Select(Number).ToList() ?? [4, 16]),
    "service-scale" => await ServiceScaleBenchmark.RunAsync(new ServiceScaleBenchmark.Options(
        count ?? 10_000,
        Option("--passes") is { } passes ? Number(passes) : 5,
        TimeSpan.FromSeconds(Option("--interval") is { } si ? Number(si) : 10),
        TimeSpan.FromSeconds(Option("--resync") is { } rs ? Number(rs) : 60),
        Option("--parallelism") is { } sp ? Number(sp) : 16,
        Option("--max-rps") is { } mr ? double.Parse(mr, System.Globalization.CultureInfo.InvariantCulture) : null,
        Path.GetFullPath(Option("--reconciler") ?? "bench/.out/reconciler/reconciler"),
        Option("--env")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])),
    "incremental" => await IncrementalBenchmark.RunAsync(count ?? 10_000, rounds),
    "service-latency" => await ServiceLatencyBenchmark.RunAsync(count ?? 1_000, rounds, TimeSpan.FromSeconds(Option("--interval") is { } i ? Number(i) : 10), args.Contains("--logs")),
    "corpus" => (await BenchCorpus.EnsureAsync(Path.GetFullPath(Option("--work") ?? "bench/.work"), count ?? 10_000, Path.GetFullPath(Option("--schemas") ?? "schemas"))).Count > 0 ? 0 : 1,
    "side-by-side" => await SideBySideBenchmark.RunAsync(new SideBySideOptions(
        Numbers(Option("--sizes") ?? "1,1000,10000,50000"),
        Numbers(Option("--memory-sizes") ?? "10000,100000"),
        Option("--runs") is { } runs ? Number(runs) : 5,
        Path.GetFullPath(Option("--peers") ?? "bench/peers"),
        Path.GetFullPath(Option("--reconciler") ?? "bench/.out/reconciler/reconciler"),
        Path.GetFullPath(Option("--schemas") ?? "schemas"),
        Path.GetFullPath(Option("--work") ?? "bench/.work"),
        Numbers(Option("--set-sizes") ?? "10000"),
        Option("--baseline") is { } baseline ? Path.GetFullPath(baseline) : null,
        Option("--native-validate") is { } native ? Path.GetFullPath(native) : null,
        Option("--native-plan") is { } nativePlan ? Path.GetFullPath(nativePlan) : null)),
    "takeover" => await TakeoverBenchmark.RunAsync(
        Option("--postgres") ?? Environment.GetEnvironmentVariable("RECONCILER_TEST_POSTGRES") ?? throw new ArgumentException("takeover needs --postgres CONNECTION_STRING (or RECONCILER_TEST_POSTGRES)"),
        Option("--reconciler") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Reconciler.Cli/bin/Release/net10.0/reconciler.dll")),
        count ?? 20,
        Option("--rounds") is null ? 7 : rounds,
        Option("--interval") is { } seconds ? Number(seconds) : 1),
    _ => Usage(),
};

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static List<int> Numbers(string text) => text.Length == 0 ? [] : text.Split(',').Select(Number).ToList();

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: Reconciler.Benchmarks validate-plan [--count N] | stages [--count N] | apply [--count N] [--parallelism 4,16] [--running-check] [--verify] | rate [--count N] [--rps N,N] [--parallelism N] | refresh [--count N] [--parallelism 4,16] | service-scale [--count N] [--passes N] [--interval S] [--resync S] [--parallelism N] [--max-rps R] [--reconciler PATH] [--env NAME=VALUE,…] | incremental [--count N] [--rounds N] | side-by-side [--sizes N,N] [--memory-sizes N,N] [--set-sizes N,N] [--runs N] [--peers DIR] [--reconciler PATH] [--schemas DIR] [--work DIR] [--baseline PATH] [--native-validate PATH] [--native-plan PATH] | corpus [--count N] [--work DIR] | service-latency [--count N] [--rounds N] [--interval SECONDS] [--logs] | takeover [--count N] [--rounds N] [--interval SECONDS] [--postgres CONN] [--reconciler DLL]");
    return 1;
}

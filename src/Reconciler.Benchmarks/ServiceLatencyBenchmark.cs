using System.Diagnostics;
using System.Text;
using Reconciler.Service;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using TaskApi.Simulator;

namespace Reconciler.Benchmarks;

/// <summary>
/// Push-to-PUT latency of the real service (the same host as <c>reconciler run</c>, real clock) against the
/// simulator: pushes that wait for the next poll, and pushes followed at once by a signed GitHub push webhook.
/// Each polled push happens at a random moment of the poll cycle, as real merges do.
/// </summary>
internal static class ServiceLatencyBenchmark
{
    private const string Token = "bench-token";
    internal const string Secret = "bench-webhook-secret";

    public static async Task<int> RunAsync(int count, int rounds, TimeSpan interval, bool logs)
    {
        using var repository = new BenchRepository();
        ManifestGenerator.Write(repository.WorkPath, count);
        repository.CommitAndPush($"{count} manifests");
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { DefaultToken = Token, AutoCreateTasks = true });
        var settings = new Dictionary<string, string?>
        {
            ["Repo"] = repository.BarePath,
            ["State"] = Path.Combine(repository.Root, "state.db"),
            ["ApiUrl"] = simulator.BaseAddress.ToString(),
            ["Listen"] = "127.0.0.1:0",
            ["Interval"] = $"{interval.TotalSeconds}s",
            ["RunningCheck"] = "false",
        };
        string? Environment(string name) => name switch
        {
            "RECONCILER_API_TOKEN" => Token,
            ServiceSettings.WebhookSecretVariable => Secret,
            _ => null,
        };
        var options = ServiceOptionsReader.Read(ServiceConfiguration.Build(settings, null, Environment), repository.Root);
        await using var service = await ServiceHost.CreateAsync(options, ServiceSecrets.FromEnvironment(Environment), new ServiceHostOverrides { Environment = Environment, WriteConsole = logs, HandleSignals = false }, CancellationToken.None);
        await service.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        await service.Status.WaitForRunsAsync(1, CancellationToken.None);
        Console.WriteLine($"{count:N0} manifests adopted; poll interval {interval.TotalSeconds:N0} s (+ up to 10 % jitter)");

        var random = new Random(1);
        var polled = new List<TimeSpan>();
        var hooked = new List<TimeSpan>();
        for (var round = 0; round < rounds * 2; round++)
        {
            var webhook = round % 2 == 1;
            if (!webhook)
            {
                await Task.Delay(interval * random.NextDouble());
            }

            var index = round;
            repository.Write(Path.Combine("tasks", $"team-{index % 50:00}", $"task-{index:00000}.yaml"), ManifestGenerator.Manifest(index, maximumcall: 4 + (2 * (round + 1))));
            var applied = simulator.State.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask);
            repository.CommitAndPush($"change {index}");
            var pushed = Stopwatch.StartNew();
            if (webhook)
            {
                await PostWebhookAsync(http);
            }

            using var limit = new CancellationTokenSource(interval * 3);
            await simulator.State.WaitUntilAsync(s => s.GetRequestLog().Count(r => r.Operation == ApiOperation.UpdateTask) > applied, limit.Token);
            (webhook ? hooked : polled).Add(pushed.Elapsed);
        }

        Report("push -> PUT, with the webhook", hooked);
        Report("push -> PUT, polling only", polled);
        return 0;
    }

    /// <summary>A signed GitHub push delivery for main (the webhook secret is <see cref="Secret"/>).</summary>
    internal static async Task PostWebhookAsync(HttpClient http)
    {
        var body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "hooks/github") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(body, Encoding.UTF8.GetBytes(Secret)));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static void Report(string what, List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        Console.WriteLine($"  {what,-32} median {sorted[sorted.Count / 2].TotalMilliseconds,8:N0} ms   min {sorted[0].TotalMilliseconds,8:N0} ms   max {sorted[^1].TotalMilliseconds,8:N0} ms   ({values.Count} pushes)");
    }
}

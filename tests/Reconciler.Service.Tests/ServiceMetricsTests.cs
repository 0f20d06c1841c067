using System.Text.RegularExpressions;
using Reconciler.Service.Tests.Support;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>/metrics is written by prometheus-net: every documented name stays, process and runtime metrics are added.</summary>
public sealed partial class ServiceMetricsTests
{
    [Fact]
    public async Task Metrics_EveryNameDocumentedInServiceMd_IsExposedAfterARunAndAWebhook()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");

        // With a receiver configured (never contacted: a task applied is no event), so the notifier's metrics exist.
        await service.StartAsync(new Dictionary<string, string?> { ["Notify"] = "json+http://127.0.0.1:9/never-contacted" });
        await service.WaitForRunsAsync(1);
        using (await service.PostWebhookAsync("ping", "{}"))
        {
        }

        var text = await service.Http.GetStringAsync("metrics", service.Token);
        var documented = DocumentedName().Matches(RepositoryFiles.Read("docs", "service.md")).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(documented);
        var families = Family().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();

        // The pull-request counter counts plans posted; without --github-repo none is, so its family may be empty.
        Assert.All(documented.Where(n => n != "reconciler_pull_request_plans_total"), name => Assert.Contains(name, families));
    }

    [Fact]
    public async Task Metrics_IncludeProcessAndRuntimeMetrics()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        var text = await service.Http.GetStringAsync("metrics", service.Token);

        Assert.Contains("# TYPE process_cpu_seconds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_working_set_bytes gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_num_threads gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_collection_count_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_total_memory_bytes gauge", text, StringComparison.Ordinal);
    }

    // `reconciler_name` or `reconciler_name{labels}` in the metrics table's first column (several per row).
    [GeneratedRegex(@"`(?<name>reconciler_[a-z_]+)(\{[^`]*\})?`")]
    private static partial Regex DocumentedName();

    [GeneratedRegex(@"^# TYPE (?<name>[a-z_]+) ", RegexOptions.Multiline)]
    private static partial Regex Family();
}

using System.Net;
using Reconciler.Service;
using Reconciler.Service.Configuration;
using Reconciler.Service.Tests.Support;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>The operations surface (/healthz, /readyz, /metrics, /status), the apply lock and log hygiene.</summary>
public sealed class ServiceOperationsTests
{
    [Fact]
    public async Task Run_Readyz_IsReadyOnlyAfterTheFirstSuccessfulFetch()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        service.Remote.TakeOffline();
        await service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.WaitForRepo.Key] = "true" });
        await service.WaitForRunsAsync(1);

        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("healthz", service.Token)).StatusCode);
        using (var notReady = await service.Http.GetAsync("readyz", service.Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        }

        service.Remote.BringOnline();
        service.Advance(ServiceHarness.Interval * 2.2); // the poll after one failure waits two intervals
        await service.WaitForRunsAsync(2);

        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("readyz", service.Token)).StatusCode);
    }

    [Fact]
    public async Task Run_RepositoryThatDoesNotExist_FailsAtStartNamingItAndTheWayToWait()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var missing = service.Directory.Combine("no-such-repository.git");

        var error = await Assert.ThrowsAsync<ServiceSetupException>(() => service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.Repo.Key] = missing }));

        Assert.StartsWith($"Repo (--repo): cannot read {missing} at main (Unreachable): ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("start with --wait-for-repo (or RECONCILER_WAIT_FOR_REPO=true) to keep polling until it can be read", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.Puts());
    }

    [Fact]
    public async Task Run_BranchThatDoesNotExist_FailsAtStart()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");

        var error = await Assert.ThrowsAsync<ServiceSetupException>(() => service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.Branch.Key] = "mian" }));

        Assert.Contains("at mian (RefNotFound)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Metrics_ArePrometheusTextWithRunsOutcomesRevisionAndPutLatency()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(3);
        var commit = service.Remote.CommitAndPush("three tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        using var response = await service.Http.GetAsync("metrics", service.Token);
        var text = await response.Content.ReadAsStringAsync(service.Token);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("# TYPE reconciler_runs_total counter", text, StringComparison.Ordinal);
        Assert.Contains("reconciler_runs_total{trigger=\"poll\",result=\"success\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("reconciler_task_outcomes_total{outcome=\"applied\"} 3", text, StringComparison.Ordinal);
        Assert.Contains($"reconciler_last_successful_revision_info{{revision=\"{commit}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"reconciler_last_run_timestamp_seconds {ServiceHarness.Start.ToUnixTimeSeconds()}", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE reconciler_put_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("reconciler_put_duration_seconds_bucket{le=\"+Inf\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("reconciler_put_duration_seconds_count 3", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
            Assert.Matches(@"^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+=""[^""]*""(,[a-z_]+=""[^""]*"")*\})? [-+0-9.eEInfNa]+)$", line));
    }

    [Fact]
    public async Task Run_SecondServiceOnTheSameState_FailsClearlyWhileTheFirstHoldsTheLock()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        var options = ServiceOptionsReader.Read(
            ServiceConfiguration.Build(new Dictionary<string, string?> { ["Repo"] = service.Remote.Url, ["State"] = service.StatePath, ["Listen"] = "127.0.0.1:0" }, null, _ => null),
            service.Directory.Path);
        var error = await Assert.ThrowsAsync<ServiceSetupException>(() => ServiceHost.CreateAsync(options, new ServiceSecrets(null, null), service.Overrides(), service.Token));

        Assert.Contains("is locked by another apply", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ListenAddressInUse_FailsToStartAndAppliesNothing()
    {
        using var occupied = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");

        await Assert.ThrowsAnyAsync<IOException>(() => service.StartAsync(new Dictionary<string, string?> { ["Listen"] = occupied.LocalEndpoint.ToString() }));

        Assert.Equal(0, service.Puts());
        Assert.Equal(0, service.App.Status.Runs);
    }

    [Fact]
    public async Task Run_Logs_NeverContainTheApiTokenOrTheWebhookSecret()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        service.Simulator.State.EnqueueFault(new global::TaskApi.Simulator.Faults.QueuedFault(global::TaskApi.Simulator.Faults.FaultKind.InternalServerError) { TaskId = tasks[0].TaskId });
        await service.StartAsync(new Dictionary<string, string?> { ["LogLevel"] = "Trace" });
        await service.WaitForRunsAsync(1);
        using (await service.PostWebhookAsync("push", ServiceHarness.PushBody(), "not-the-secret"))
        using (await service.PostWebhookAsync("push", ServiceHarness.PushBody()))
        {
            await service.WaitForPassesAsync(2);
        }

        Assert.NotEmpty(service.Logs.Lines);
        Assert.DoesNotContain(service.Account.Token, service.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceHarness.WebhookSecret, service.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Account.Token, (await service.Http.GetStringAsync("status", service.Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Status_HasTheDocumentedShape()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        var status = await service.StatusAsync();

        string[] top = ["version", "repository", "branch", "path", "ready", "watched_revision", "last_fetch_at", "last_fetch_error", "consecutive_fetch_failures", "last_successful_revision", "state_error", "last_run", "sync_window", "tasks", "pull_requests", "refresh", "recent_runs"];
        Assert.Equal(top, status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Status.StatusSnapshot.ContractVersion, status.GetProperty("version").GetInt32());
        string[] task = ["user_id", "task_id", "name", "file", "action", "state", "api_code", "message", "failures", "last_attempt_at", "retry_at", "errors", "in_doubt", "drift_fields", "drifted", "left_stopped", "unverified_fields", "last_read_at"];
        Assert.Equal(task, status.GetProperty("tasks")[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("外呼任务-0", await service.Http.GetStringAsync("status", service.Token), StringComparison.Ordinal);
    }
}

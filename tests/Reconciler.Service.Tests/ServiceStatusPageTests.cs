using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Service.Configuration;
using Reconciler.Service.Tests.Support;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>The page at <c>/</c> (its HTTP side; <see cref="Browser.StatusPageBrowserTests"/> runs it), problem order, recent runs and <c>POST /sync</c>.</summary>
public sealed class ServiceStatusPageTests
{
    [Fact]
    public async Task Root_IsOneSelfContainedHtmlPageWithAStrictContentSecurityPolicy()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync(new Dictionary<string, string?> { ["RepoWebUrl"] = "https://git.example.com/acme/tasks/src/commit/{revision}/{path}?a=<b>" });
        await service.WaitForRunsAsync(1);

        using var response = await service.Http.GetAsync("", service.Token);
        var html = await response.Content.ReadAsStringAsync(service.Token);

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script nonce=\"{nonce}\">", html, StringComparison.Ordinal);

        // The style and script (their own files in the source) arrive inline in this one response, every placeholder filled.
        Assert.Contains(".chip[aria-pressed=\"true\"]", html, StringComparison.Ordinal);
        Assert.Contains("function renderTasks(status)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);

        // No external asset: no src= or stylesheet link anywhere, and the configured URL cannot close the script element.
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"stylesheet\"", html, StringComparison.Ordinal);
        Assert.Contains("\\u003Cb\\u003E", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OrderProblems_PutsTheBlockedTaskFirstAndRecentRunsAreNewestFirst()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(3);
        var running = service.Simulator.CreateTask(service.Account, running: true);
        service.Remote.Write(ServiceManifests.Path(9), ServiceManifests.Valid(running, "运行中的任务"));
        service.Remote.CommitAndPush("three tasks and a running one");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Advance(TimeSpan.FromMinutes(5.5)); // resync
        await service.WaitForRunsAsync(2);

        var ordered = await service.Http.GetFromJsonAsync<JsonElement>("status?order=problems", service.Token);

        Assert.Equal(running.TaskId, ordered.GetProperty("tasks")[0].GetProperty("task_id").GetString());
        Assert.Equal(["blocked", "in_sync", "in_sync", "in_sync"], ordered.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("state").GetString()));
        var runs = ordered.GetProperty("recent_runs").EnumerateArray().Select(r => r.GetProperty("trigger").GetString()).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal("poll", runs[1]);
        Assert.Equal(ordered.GetProperty("last_run").GetProperty("started_at").GetString(), ordered.GetProperty("recent_runs")[0].GetProperty("started_at").GetString());
    }

    [Fact]
    public async Task Sync_WithoutAConfiguredToken_Is404AndWithAWrongOneIs401AndQueuesNothing()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        using (var off = await service.Http.PostAsync("sync", null, service.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
            Assert.Contains(ServiceSettings.SyncTokenVariable, await off.Content.ReadAsStringAsync(service.Token), StringComparison.Ordinal);
        }

        service.SetEnvironment(ServiceSettings.SyncTokenVariable, "sync-token-0123456789");
        await service.RestartAsync();
        await service.WaitForRunsAsync(0);
        using var request = new HttpRequestMessage(HttpMethod.Post, "sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sync-token-wrong");
        using var wrong = await service.Http.SendAsync(request, service.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(0, service.App.Services.GetService(typeof(TriggerQueue)) is TriggerQueue queue ? queue.Requested : -1);
    }

    [Trait("Category", "Slow")] // over ten seconds under load
    [Fact]
    public async Task Sync_WithTheToken_ReconcilesAtOnceEvenWhenTheBranchDidNotMove()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, "sync-token-0123456789");
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        using var request = new HttpRequestMessage(HttpMethod.Post, "sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sync-token-0123456789");
        using var response = await service.Http.SendAsync(request, service.Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await service.WaitForRunsAsync(2); // the clock has not moved: only the sync can have run it

        var status = await service.StatusAsync();
        Assert.Equal("sync", status.GetProperty("last_run").GetProperty("trigger").GetString());
        Assert.Contains("reconciler_runs_total{trigger=\"sync\",result=\"success\"} 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
        Assert.DoesNotContain("sync-token-0123456789", service.Logs.All, StringComparison.Ordinal);
    }
}

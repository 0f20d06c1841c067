using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using Reconciler.Service.Status;
using Reconciler.Service.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// One vocabulary across passes: a rejected task stays rejected until its manifest changes (never "waiting for a
/// retry" that never comes), and a sync answered 202 always gets the pass that answers it, even behind a webhook.
/// </summary>
public sealed class ServiceTaskStateTests
{
    /// <summary>The one line every test manifest uses (<see cref="ServiceManifests.Valid"/>).</summary>
    private const string Line = "d47c3599-f166-4cd0-999c-f60e46814d26";

    private const string SyncToken = "sync-token-7a6b5c4d3e2f1a0b";

    [Fact]
    public async Task Run_RejectedTask_StaysRejectedOnLaterPasses_UntilItsManifestChanges()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.Write(ServiceManifests.Path(1), ServiceManifests.Valid(tasks[1], "外呼任务-1", maximumCall: 1));
        service.Remote.CommitAndPush("two tasks, one over its line's residue");
        service.Simulator.State.Lines.Set(Line, 1); // maximumcall 2 on one line: an average of 2 > residue 1, refused
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var first = await service.StatusAsync();

        // The resync re-plans the same revision twice: the rejected body is not sent again, and nothing calls it "held back".
        service.Advance(TimeSpan.FromMinutes(5));
        await service.WaitForRunsAsync(2);
        service.Advance(TimeSpan.FromMinutes(5));
        await service.WaitForRunsAsync(3);
        var later = await service.StatusAsync();

        foreach (var status in new[] { first, later })
        {
            var task = ServiceHarness.TaskStatus(status, tasks[0]);
            Assert.Equal("rejected", task.GetProperty("state").GetString());
            Assert.Equal(422, task.GetProperty("api_code").GetInt32());
            Assert.Contains("residue", task.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, task.GetProperty("retry_at").ValueKind);
            Assert.Equal(1, task.GetProperty("failures").GetInt32());
            Assert.Equal("applied", ServiceHarness.TaskStatus(first, tasks[1]).GetProperty("state").GetString());
        }

        var outcomes = later.GetProperty("last_run").GetProperty("outcomes");
        Assert.Equal((1, 0), (outcomes.GetProperty("rejected").GetInt32(), outcomes.GetProperty("held_back").GetInt32()));
        Assert.Equal(1, service.Puts(tasks[0]));
        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        Assert.Contains("reconciler_tasks{state=\"rejected\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_held_back_tasks 0", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_task_outcomes_total{outcome=\"rejected\"} 1", metrics, StringComparison.Ordinal);

        // A change to the manifest retries it.
        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(tasks[0], "外呼任务-0", maximumCall: 1));
        service.Remote.CommitAndPush("within the residue");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(4);
        Assert.Equal("applied", ServiceHarness.TaskStatus(await service.StatusAsync(), tasks[0]).GetProperty("state").GetString());
        Assert.Equal(2, service.Puts(tasks[0]));
    }

    [Fact]
    public async Task Sync_WhileAWebhookWaitsBehindABusyPass_StillGetsThePassThatAnswersIt()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, SyncToken);
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.Resync.Key] = "1h" });
        await service.WaitForRunsAsync(1);

        // A slow platform keeps the next pass busy; while it is, a push webhook and then a sync arrive.
        service.Simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromSeconds(2), LatencyPhase = LatencyPhase.After });
        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(tasks[0], "第二版"));
        service.Remote.CommitAndPush("second version");
        var requests = service.Simulator.State.GetRequestLog().Count;
        service.Advance(ServiceHarness.OnePoll);
        await service.Simulator.WaitUntilAsync(s => s.GetRequestLog().Count > requests);
        Assert.Equal(HttpStatusCode.Accepted, (await service.PostWebhookAsync("push", ServiceHarness.PushBody())).StatusCode);
        var answer = await SyncAsync(service);

        // The busy pass is the poll; the webhook and the sync merged into one more pass, named for the sync.
        await service.App.Status.WaitUntilAsync(() => service.App.Status.Current.RecentRuns.Any(r => r.SyncTicket >= answer.Ticket), service.Token);
        var runs = service.App.Status.Current.RecentRuns;
        Assert.Equal(3, service.App.Status.Runs);
        Assert.Equal((Core.Reconciling.RunTrigger.Sync, answer.Ticket), (runs[0].Trigger, runs[0].SyncTicket));
        Assert.Equal(Core.Reconciling.RunTrigger.Poll, runs[1].Trigger);
        var json = await service.StatusAsync();
        Assert.Equal(answer.Ticket, json.GetProperty("last_run").GetProperty("sync_ticket").GetInt64());
        Assert.False(json.GetProperty("recent_runs")[1].TryGetProperty("sync_ticket", out _));
    }

    private static async Task<SyncAnswer> SyncAsync(ServiceHarness service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SyncToken);
        using var response = await service.Http.SendAsync(request, service.Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonSerializer.Deserialize<SyncAnswer>(await response.Content.ReadAsStringAsync(service.Token), StatusJson.Options)!;
    }
}

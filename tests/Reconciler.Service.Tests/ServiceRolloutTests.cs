using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Service.Configuration;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing;
using TaskApi.Simulator;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// The service's staged rollout: a batch over its threshold halts the revision, recorded in the state store, so no pass
/// continues it (not a resync, not a restarted service) until <c>sync --resume</c> or a new revision.
/// </summary>
[Trait("Category", "Slow")] // a service started twice, dozens of requests each
public sealed class ServiceRolloutTests
{
    private const string SyncToken = "sync-token-rollout-0123456789";

    private static readonly Dictionary<string, string?> Rollout = new()
    {
        [ServiceSettings.Batch.Key] = "10",
        [ServiceSettings.HaltOnRejected.Key] = "20",
        [ServiceSettings.Parallelism.Key] = "4",
    };

    [Fact]
    public async Task Run_ThirtyPercentOfTheFirstBatchRejected_HaltsSurvivesARestartAndResumesOnSyncResume()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, SyncToken);
        var (refused, healthy) = TwentyTasksThreeRefused(service);
        service.Remote.CommitAndPush("twenty tasks");

        await service.StartAsync(Rollout);
        await service.WaitForRunsAsync(1);

        var unsent = healthy.Skip(7).ToList();
        Assert.Equal(0, unsent.Sum(t => service.Puts(t))); // the second batch: nothing sent
        Assert.All(healthy.Take(7), t => Assert.Equal(1, service.Puts(t)));
        var status = await service.StatusAsync();
        var hold = status.GetProperty("hold");
        Assert.Equal("halted", hold.GetProperty("state").GetString());
        Assert.Equal((1, 2, 10, 3, 0, 10), Numbers(hold.GetProperty("halt")));
        Assert.Equal("--halt-on-rejected 20%", hold.GetProperty("halt").GetProperty("threshold").GetString());
        Assert.All(unsent, t => Assert.Equal("pending", ServiceHarness.TaskStatus(status, t).GetProperty("state").GetString()));
        Assert.Contains("reconciler_rollout_halted 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
        Assert.Contains("halted after batch 1 of 2", service.Logs.All, StringComparison.Ordinal);

        // A resync re-plans the same revision, and a new process reads the halt from the state: neither sends the rest.
        service.Advance(TimeSpan.FromMinutes(6));
        await service.WaitForRunsAsync(2);
        await service.RestartAsync();
        await service.WaitForRunsAsync(1);
        Assert.Equal(0, unsent.Sum(t => service.Puts(t)));
        status = await service.StatusAsync();
        Assert.Equal("halted", status.GetProperty("hold").GetProperty("state").GetString());
        Assert.Contains("not sent until a new revision or `reconciler sync --resume`", ServiceHarness.TaskStatus(status, unsent[0]).GetProperty("message").GetString(), StringComparison.Ordinal);

        using (var resume = await SyncAsync(service, "sync?resume=true"))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
            Assert.Contains("halted after batch 1 of 2", await resume.Content.ReadAsStringAsync(service.Token), StringComparison.Ordinal);
        }

        await service.WaitForRunsAsync(2);
        Assert.All(unsent, t => Assert.Equal(1, service.Puts(t)));
        Assert.All(refused, t => Assert.Equal(1, service.Puts(t))); // a rejected body waits for a manifest change
        status = await service.StatusAsync();
        Assert.False(status.TryGetProperty("hold", out _));
        Assert.Contains("reconciler_rollout_halted 0", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HaltedRevision_ANewRevisionIsAppliedNormally()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var (refused, healthy) = TwentyTasksThreeRefused(service);
        service.Remote.CommitAndPush("twenty tasks");
        await service.StartAsync(Rollout);
        await service.WaitForRunsAsync(1);
        Assert.Equal("halted", (await service.StatusAsync()).GetProperty("hold").GetProperty("state").GetString());

        // The fix: the refused tasks' manifests now match their flavour's tasks (new tasks of the 新版 flavour).
        foreach (var (task, i) in refused.Select((t, i) => (t, i)))
        {
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(service.Simulator.CreateTask(service.Account), $"修好的任务-{i}"));
        }

        service.Remote.CommitAndPush("fix the refused tasks");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.All(healthy, t => Assert.Equal(1, service.Puts(t)));
        var status = await service.StatusAsync();
        Assert.False(status.TryGetProperty("hold", out _));
        Assert.Contains("hold released", service.Logs.All, StringComparison.Ordinal);
    }

    /// <summary>Files are planned in name order: task-00 to task-02 are 旧版 tasks sent a 新版 body (the platform refuses it), all in the first batch of 10.</summary>
    private static (List<TaskIdentity> Refused, List<TaskIdentity> Healthy) TwentyTasksThreeRefused(ServiceHarness service)
    {
        var refused = Enumerable.Range(0, 3).Select(i =>
        {
            var task = service.Simulator.CreateTask(service.Account, TaskFlavour.V2Legacy);
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(task, $"旧版任务-{i}"));
            return task;
        }).ToList();
        var healthy = Enumerable.Range(3, 17).Select(i =>
        {
            var task = service.Simulator.CreateTask(service.Account);
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(task, $"外呼任务-{i}"));
            return task;
        }).ToList();
        return (refused, healthy);
    }

    private static (int, int, int, int, int, int) Numbers(JsonElement halt) => (
        halt.GetProperty("batch").GetInt32(), halt.GetProperty("batches").GetInt32(), halt.GetProperty("batch_tasks").GetInt32(),
        halt.GetProperty("rejected").GetInt32(), halt.GetProperty("failed").GetInt32(), halt.GetProperty("unsent").GetInt32());

    private static async Task<HttpResponseMessage> SyncAsync(ServiceHarness service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SyncToken);
        return await service.Http.SendAsync(request, service.Token);
    }
}

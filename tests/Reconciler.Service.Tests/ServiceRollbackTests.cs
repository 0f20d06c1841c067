using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Service.Configuration;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// Rollback through the service (<c>POST /rollback</c>): the earlier revision's bodies go out now, and the branch's revision
/// is held (not re-applied by a resync or a restart) until the branch moves.
/// </summary>
[Trait("Category", "Slow")] // a service, three commits, a restart
public sealed class ServiceRollbackTests
{
    private const string SyncToken = "sync-token-rollback-0123456789";

    [Fact]
    public async Task Rollback_RestoresTheEarlierBodies_AndTheLaterRevisionIsNotReappliedUntilTheBranchMoves()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, SyncToken);
        var tasks = Write(service, "第一版");
        var good = service.Remote.CommitAndPush("first version");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        Write(service, "第二版", tasks);
        var bad = service.Remote.CommitAndPush("second version");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);
        Assert.All(tasks, t => Assert.Contains("第二版", Body(service, t), StringComparison.Ordinal));

        using (var planned = await PostAsync(service, $"rollback?to={good[..10]}&plan=true"))
        {
            Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
            var answer = await planned.Content.ReadFromJsonAsync<JsonElement>(service.Token);
            Assert.Equal("planned", answer.GetProperty("status").GetString());
            Assert.Contains("3 to update", answer.GetProperty("plan").GetString(), StringComparison.Ordinal);
            Assert.Equal(bad, answer.GetProperty("held_revision").GetString());
        }

        Assert.All(tasks, t => Assert.Contains("第二版", Body(service, t), StringComparison.Ordinal)); // a plan sends nothing
        using (var rolledBack = await PostAsync(service, $"rollback?to={good}"))
        {
            Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
            Assert.Equal("rolled_back", (await rolledBack.Content.ReadFromJsonAsync<JsonElement>(service.Token)).GetProperty("status").GetString());
        }

        Assert.All(tasks, t => Assert.Contains("第一版", Body(service, t), StringComparison.Ordinal));
        var hold = (await service.StatusAsync()).GetProperty("hold");
        Assert.Equal(("rolled_back", bad, good), (hold.GetProperty("state").GetString(), hold.GetProperty("revision").GetString(), hold.GetProperty("rolled_back_to").GetString()));
        Assert.Equal($"rolled back to {good}", hold.GetProperty("summary").GetString());
        Assert.Equal("rollback", (await service.StatusAsync()).GetProperty("last_run").GetProperty("trigger").GetString());
        var puts = service.Puts();

        // A resync and a restarted service re-plan the branch's revision, held: nothing is sent.
        var runs = service.App.Status.Runs;
        service.Advance(TimeSpan.FromMinutes(6));
        await service.WaitForRunsAsync(runs + 1);
        await service.RestartAsync();
        await service.WaitForRunsAsync(1);
        Assert.Equal(puts, service.Puts());
        Assert.Contains("reconciler_rolled_back 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);

        // The branch moves: the new revision is applied normally and the hold is released.
        Write(service, "第三版", tasks);
        service.Remote.CommitAndPush("third version");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);
        Assert.All(tasks, t => Assert.Contains("第三版", Body(service, t), StringComparison.Ordinal));
        Assert.False((await service.StatusAsync()).TryGetProperty("hold", out _));
    }

    [Fact]
    public async Task Rollback_UnknownRevisionOrWrongToken_IsRefusedAndSendsNothing()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, SyncToken);
        Write(service, "第一版");
        service.Remote.CommitAndPush("first version");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var puts = service.Puts();

        using (var unknown = await PostAsync(service, "rollback?to=0123456789abcdef"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"rollback?to={service.Remote.HeadCommitId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await service.Http.SendAsync(request, service.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(puts, service.Puts());
    }

    [Fact]
    public async Task Rollback_ToACommitForcePushedAwayFromTheBranch_IsRefusedAndSendsNothing()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.SetEnvironment(ServiceSettings.SyncTokenVariable, SyncToken);
        var tasks = Write(service, "第一版");
        var first = service.Remote.CommitAndPush("first version");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        Write(service, "弃用版", tasks);
        var abandoned = service.Remote.CommitAndPush("a version later force-pushed away");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        // The branch is rewritten: the abandoned commit stays in the service's clone but is no longer in the branch's history.
        service.Remote.ResetHard(first);
        Write(service, "第二版", tasks);
        service.Remote.Commit("second version");
        service.Remote.ForcePush();
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(3);
        Assert.All(tasks, t => Assert.Contains("第二版", Body(service, t), StringComparison.Ordinal));
        var puts = service.Puts();

        using var refused = await PostAsync(service, $"rollback?to={abandoned}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("a rollback applies only an earlier revision of the branch", await refused.Content.ReadAsStringAsync(service.Token), StringComparison.Ordinal);
        Assert.Equal(puts, service.Puts());
    }

    private static List<TaskIdentity> Write(ServiceHarness service, string version, IReadOnlyList<TaskIdentity>? existing = null)
    {
        var tasks = existing?.ToList() ?? Enumerable.Range(0, 3).Select(_ => service.Simulator.CreateTask(service.Account)).ToList();
        for (var i = 0; i < tasks.Count; i++)
        {
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(tasks[i], $"{version}-{i}"));
        }

        return tasks;
    }

    private static string Body(ServiceHarness service, TaskIdentity task) => service.Simulator.State.GetTask(task.UserId, task.TaskId)?.Body ?? "";

    private static async Task<HttpResponseMessage> PostAsync(ServiceHarness service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SyncToken);
        return await service.Http.SendAsync(request, service.Token);
    }
}

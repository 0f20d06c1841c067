using System.Net;
using Reconciler.Service;
using Reconciler.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>POST /hooks/github: a signed push to the watched branch polls at once; anything unsigned triggers nothing.</summary>
public sealed class ServiceWebhookTests
{
    [Fact]
    public async Task Run_WebhookWithValidSignature_TriggersReconcileBeforeTheNextPoll()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Simulator.State.ClearRequestLog();

        service.Remote.Write(ServiceManifests.Path(1), ServiceManifests.Valid(tasks[1], "网络钩子触发"));
        var commit = service.Remote.CommitAndPush("change task 1");
        using var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await service.WaitForRunsAsync(2); // the clock has not moved: no poll was due

        Assert.Equal(1, service.Puts());
        Assert.Equal(1, service.Puts(tasks[1]));
        var status = await service.StatusAsync();
        Assert.Equal(("webhook", commit), (status.GetProperty("last_run").GetProperty("trigger").GetString(), status.GetProperty("last_run").GetProperty("revision").GetString()));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData(null)]
    public async Task Run_WebhookWithBadOrMissingSignature_Gets401AndTriggersNothing(string? secret)
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForPassesAsync(1);

        using var response = await service.PostWebhookAsync("push", ServiceHarness.PushBody(), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, service.App.Services.GetRequiredService<TriggerQueue>().Requested);
        Assert.Equal(1, service.App.Status.Passes);
        Assert.Contains("reconciler_webhooks_total{result=\"unauthorized\"} 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceHarness.WebhookSecret, service.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebhookPingAndPushToAnotherBranch_AreAnsweredButTriggerNothing()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForPassesAsync(1);

        using var ping = await service.PostWebhookAsync("ping", """{"zen":"Keep it logically awesome."}""");
        using var other = await service.PostWebhookAsync("push", ServiceHarness.PushBody("feature/x"));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("ignored", await other.Content.ReadAsStringAsync(service.Token), StringComparison.Ordinal);
        Assert.Equal(0, service.App.Services.GetRequiredService<TriggerQueue>().Requested);
    }
}

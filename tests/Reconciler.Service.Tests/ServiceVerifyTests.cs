using Reconciler.Service.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>Verify: the service reads every accepted update back; one the platform did not keep says so in /status.</summary>
public sealed class ServiceVerifyTests
{
    [Fact]
    public async Task Run_Verify_PlatformSilentlyDropsAField_StatusSaysUnverified()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(1).ToList();
        // A task that already has a name: the platform keeps it when it drops the field of our update.
        var dropped = service.Simulator.CreateTask(service.Account, initialBody: Reconciler.Testing.Simulator.SampleBodies.V2(name: "旧名字"));
        service.Remote.Write(ServiceManifests.Path(1), ServiceManifests.Valid(dropped, "新名字"));
        tasks.Insert(0, dropped);
        service.Simulator.State.EnqueueFault(new QueuedFault(FaultKind.IgnoreField) { TaskId = tasks[0].TaskId, Field = "name" });
        service.Remote.CommitAndPush("two tasks");

        await service.StartAsync(new Dictionary<string, string?> { ["Verify"] = "true" });
        await service.WaitForRunsAsync(1);

        var status = await service.StatusAsync();
        Assert.Equal("unverified: name", ServiceHarness.TaskStatus(status, tasks[0]).GetProperty("message").GetString());
        Assert.Equal("applied", ServiceHarness.TaskStatus(status, tasks[0]).GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ServiceHarness.TaskStatus(status, tasks[1]).GetProperty("message").ValueKind);
        Assert.Equal(2, service.Simulator.State.GetRequestLog().Count(e => e.Operation == ApiOperation.TaskDetail && e.TaskId == tasks[0].TaskId)); // running check + read-back
        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        Assert.Contains("reconciler_verifications_total{outcome=\"unverified\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("reconciler_verifications_total{outcome=\"verified\"} 1", metrics, StringComparison.Ordinal);
    }
}

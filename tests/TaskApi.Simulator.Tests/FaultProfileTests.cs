using System.Diagnostics;
using System.Net;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Faults;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>Standing faults (rates from a seeded random, fixed latency, forced 6007): each test owns its simulator.</summary>
public sealed class FaultProfileTests
{
    [Fact]
    public async Task Rates_SameSeed_GiveTheSameSequence()
    {
        var profile = new FaultProfile { ServerErrorRate = 0.3, RateLimitRate = 0.2, Seed = 42 };

        var first = await StatusesAsync(profile, 30);
        var second = await StatusesAsync(profile, 30);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(first, s => (int)s >= 500);
    }

    [Fact]
    public async Task Rates_DifferentSeed_GiveAnotherSequence()
    {
        var first = await StatusesAsync(new FaultProfile { ServerErrorRate = 0.5, Seed = 1 }, 30);
        var second = await StatusesAsync(new FaultProfile { ServerErrorRate = 0.5, Seed = 2 }, 30);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Rates_QueuedFaultComesFirst()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = new FaultProfile { ServerErrorRate = 1.0 } });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var task = sim.CreateTask(account);
        sim.State.EnqueueFault(new QueuedFault(FaultKind.TooManyRequests) { TaskId = task.TaskId });

        var first = await client.PutTaskAsync(task, SampleBodies.V2(), account.Token);
        var second = await client.PutTaskAsync(task, SampleBodies.V2(), account.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.True((int)second.Status >= 500);
    }

    [Fact]
    public async Task ForceTaskRunning_AnswersEveryUpdate6007()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = new FaultProfile { ForceTaskRunning = true } });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var task = sim.CreateTask(account);

        var update = await client.PutTaskAsync(task, SampleBodies.V2(), account.Token);
        var detail = await client.DetailAsync(task, account.Token);

        Assert.Equal(ApiCodes.TaskRunning, update.Code);
        Assert.Equal(ApiCodes.Success, detail.Code);
        Assert.Equal(0, sim.Task(task).AppliedCount);
    }

    [Fact]
    public async Task LatencyBefore_DelaysTheAnswer()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = new FaultProfile { Latency = TimeSpan.FromMilliseconds(250) } });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var clock = Stopwatch.StartNew();

        var answer = await client.PutTaskAsync(sim.CreateTask(account), SampleBodies.V2(), account.Token);

        Assert.Equal(ApiCodes.Success, answer.Code);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(240), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task LatencyAfter_StoresBeforeAnswering()
    {
        var profile = new FaultProfile { Latency = TimeSpan.FromMinutes(5), LatencyPhase = LatencyPhase.After };
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = profile });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var task = sim.CreateTask(account);
        using var giveUp = new CancellationTokenSource();

        var put = client.PutTaskAsync(task, SampleBodies.V2(), account.Token, cancellationToken: giveUp.Token);
        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.AppliedCount == 1);
        Assert.False(put.IsCompleted);
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
    }

    [Fact]
    public async Task Dispose_WithRequestHanging_StopsPromptly()
    {
        var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = new FaultProfile { TimeoutRate = 1.0, TimeoutCap = TimeSpan.FromMinutes(5) } });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var task = sim.CreateTask(account);
        var put = client.PutTaskAsync(task, SampleBodies.V2(), account.Token);
        await sim.WaitUntilAsync(s => s.GetTask(task.UserId, task.TaskId)!.PutCount == 1);
        var clock = Stopwatch.StartNew();

        await ((IAsyncDisposable)sim).DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => put);
    }

    [Fact]
    public void Profile_RatesAboveOne_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new SimulatorState().SetFaultProfile(new FaultProfile { ServerErrorRate = 0.7, DropRate = 0.5 }));

    private static async Task<List<HttpStatusCode>> StatusesAsync(FaultProfile profile, int count)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { Faults = profile });
        using var client = new SimulatorClient(sim.BaseAddress);
        var account = sim.CreateAccount();
        var task = sim.CreateTask(account);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.PutTaskAsync(task, SampleBodies.V2(), account.Token)).Status);
        }

        return statuses;
    }
}

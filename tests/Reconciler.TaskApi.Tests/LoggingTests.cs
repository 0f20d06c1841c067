using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Tests.Support;

namespace Reconciler.TaskApi.Tests;

/// <summary>HttpClient's per-request Information lines are filtered out; the client's own lines remain.</summary>
public sealed class LoggingTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task AddTaskApiClient_FiltersHttpClientRequestLogging()
    {
        var account = sim.CreateAccount();
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(account.Token));

        var result = await client.Api.UpdateTaskAsync(sim.CreateTask(account), SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Outcome);
        Assert.DoesNotContain(client.Logs.Lines, line => line.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(client.Logs.Lines, line => line.Contains("Applied", StringComparison.Ordinal));
    }
}

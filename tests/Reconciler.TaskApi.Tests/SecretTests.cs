using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Tests.Support;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.TaskApi.Tests;

/// <summary>A token appears in no result message, exception text, log line or ToString, whatever happens.</summary>
public sealed class SecretTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    [Trait("Category", "Slow")] // every outcome, with retries
    [Fact]
    public async Task Token_AppearsInNoResultOrLog_AcrossEveryOutcome()
    {
        var account = sim.CreateAccount();
        var results = new List<TaskApiResult>();
        using (var client = ClientHarness.Create(
            sim.BaseAddress,
            ClientHarness.DefaultToken(account.Token),
            o => o.AttemptTimeout = TimeSpan.FromMilliseconds(500),
            // Lift the client's filter: even HttpClient's Trace lines (with headers) must not show the token.
            logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Trace)))
        {
            results.Add(await client.Api.UpdateTaskAsync(sim.CreateTask(account), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(sim.CreateTask(account, running: true), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(sim.CreateTask(account), "{\"name\":1}", CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(new TaskIdentity(account.UserId, "missing"), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(Faulted(account, FaultKind.ServiceUnavailable, 10), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(Faulted(account, FaultKind.TooManyRequests, 10), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(Faulted(account, FaultKind.DropConnection, 10), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.UpdateTaskAsync(Faulted(account, FaultKind.Timeout, 1), SampleBodies.V2(), CancellationToken.None));
            results.Add(await client.Api.StopTaskAsync(sim.CreateTask(account, running: true), null, CancellationToken.None));
            await client.Api.GetTaskStateAsync(sim.CreateTask(account, running: true), null, CancellationToken.None);
            await client.Api.GetTaskStateAsync(new TaskIdentity(account.UserId, "missing"), null, CancellationToken.None);

            Assert.Contains(client.Logs.Lines, line => line.Contains("Authorization", StringComparison.Ordinal)); // headers were logged...
            AssertNowhere(account.Token, client.Logs.All, results); // ...redacted
        }

        Assert.Equal(
            [ApplyOutcome.Applied, ApplyOutcome.Blocked, ApplyOutcome.Rejected, ApplyOutcome.Rejected, ApplyOutcome.Failed,
             ApplyOutcome.Failed, ApplyOutcome.Failed, ApplyOutcome.Applied, ApplyOutcome.Stopped],
            results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task RefusedToken_AppearsInNeitherResultNorLog()
    {
        var account = sim.CreateAccount();
        const string wrong = "tok-wrong-and-secret-0123456789";
        using var client = ClientHarness.Create(sim.BaseAddress, ClientHarness.DefaultToken(wrong));

        var result = await client.Api.UpdateTaskAsync(sim.CreateTask(account), SampleBodies.V2(), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Unauthorized, result.Outcome);
        AssertNowhere(wrong, client.Logs.All, [result]);
    }

    [Fact]
    public void ApiToken_ToString_IsRedacted()
    {
        var token = ApiToken.FromSecret("tok-abcdef");
        var lookup = TokenLookup.Found(token, "RECONCILER_API_TOKEN");

        Assert.Equal("[redacted]", token.ToString());
        Assert.DoesNotContain("tok-abcdef", lookup.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-abcdef", System.Text.Json.JsonSerializer.Serialize(lookup), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sEcReT with space")]
    [InlineData("sEcReT\nnewline")]
    [InlineData("sEcReT-中文")]
    public void ApiToken_Unusable_MessageNeverRepeatsTheValue(string secret)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiToken.FromSecret(secret));

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sEcReT", error.Message, StringComparison.Ordinal);
    }

    private TaskIdentity Faulted(SimulatorAccount account, FaultKind kind, int count)
    {
        var task = sim.CreateTask(account);
        sim.State.EnqueueFault(new QueuedFault(kind, count) { TaskId = task.TaskId, Delay = TimeSpan.FromMinutes(5) });
        return task;
    }

    private static void AssertNowhere(string token, string logs, IEnumerable<TaskApiResult> results)
    {
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
        foreach (var result in results)
        {
            Assert.DoesNotContain(token, result.Message ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(token, result.ToString(), StringComparison.Ordinal);
        }
    }
}

using Reconciler.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Hosting;
using TaskApi.Simulator.Tests.Support;

namespace TaskApi.Simulator.Tests;

/// <summary>Starting the simulator: loopback only, configuration, seed files, and logs that never hold a token.</summary>
public sealed class HostingTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://example.test:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    [InlineData("https://127.0.0.1:5443")]
    public async Task Start_NonLoopbackAddress_IsRefused(string urls)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorServer.StartAsync(new SimulatorOptions { Urls = urls }));

        Assert.Contains("simulator address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:0")]
    [InlineData("http://127.0.0.5:0")]
    public async Task Start_LoopbackAddress_ListensOnLoopback(string urls)
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Urls = urls });

        Assert.True(server.BaseAddress.IsLoopback);
        Assert.NotEqual(0, server.BaseAddress.Port);
    }

    [Fact]
    public void Options_FromConfiguration_ReadsSimulatorSection()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([
            "--urls", "http://127.0.0.1:5099", "--Simulator:DefaultToken=demo", "--Simulator:AutoCreateTasks=true", "--Simulator:SeedFile=seed.json",
        ]).Build();

        var options = OptionsReader.Read(configuration);

        Assert.Equal("http://127.0.0.1:5099", options.Urls);
        Assert.Equal("demo", options.DefaultToken);
        Assert.True(options.AutoCreateTasks);
        Assert.Equal("seed.json", options.SeedFile);
        Assert.DoesNotContain("demo", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_FromEmptyConfiguration_UseDocumentedDefaults()
    {
        var options = OptionsReader.Read(new ConfigurationBuilder().Build());

        Assert.Equal(OptionsReader.DefaultUrls, options.Urls);
        Assert.Null(options.DefaultToken);
        Assert.False(options.AutoCreateTasks);
    }

    [Fact]
    public async Task SeedFile_LoadsAccountsAndTasks()
    {
        using var directory = new TestDirectory("sim-seed");
        var path = directory.Write("sim-seed.json", """
            {
              "accounts": [ { "user_id": "u-seed", "token": "seed-token" } ],
              "tasks": [ { "user_id": "u-seed", "task_id": "t-seed", "flavour": "v2_legacy", "status": "waiting", "body": {"name": "种子", "id": 215870475195883520} } ]
            }
            """);
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { SeedFile = path });

        var task = server.State.GetTask("u-seed", "t-seed")!;
        Assert.Equal(SimulatedTaskStatus.Waiting, task.Status);
        Assert.Equal(TaskFlavour.V2Legacy, task.Flavour);
        Assert.Equal("{\"name\": \"种子\", \"id\": 215870475195883520}", task.Body);
        Assert.True(server.State.IsAuthorized("u-seed", "seed-token"));
    }

    [Fact]
    public async Task SeedFile_Missing_FailsWithItsPath()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SimulatorServer.StartAsync(new SimulatorOptions { SeedFile = "/nonexistent/seed.json" }));

        Assert.Contains("/nonexistent/seed.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_AtTraceLevel_NeverContainTokens()
    {
        using var logs = new CapturedLogs();
        await using (var sim = await SimulatorFixture.StartAsync(new SimulatorOptions
        {
            DefaultToken = "default-secret-value",
            MinimumLogLevel = LogLevel.Trace,
            ConfigureLogging = logging => logging.AddProvider(logs),
        }))
        {
            using var client = new SimulatorClient(sim.BaseAddress);
            var account = sim.CreateAccount();
            var task = sim.CreateTask(account);
            await client.ControlAsync(HttpMethod.Post, "accounts", "{\"user_id\":\"u-x\",\"token\":\"control-secret-value\"}");
            await client.PutTaskAsync(task, SampleBodies.V2(), account.Token);
            await client.PutTaskAsync(task, SampleBodies.V2(), "wrong-secret-value");
            await client.DetailAsync(task, "default-secret-value");

            Assert.Contains(logs.Lines, line => line.Contains(task.TaskId, StringComparison.Ordinal)); // requests are logged...
            foreach (var secret in new[] { account.Token, "default-secret-value", "control-secret-value", "wrong-secret-value" })
            {
                Assert.DoesNotContain(secret, logs.All, StringComparison.Ordinal); // ...their tokens are not
            }
        }
    }

    [Fact]
    public async Task WaitUntil_CompletesOnTheChangeThatSatisfiesIt()
    {
        var state = new SimulatorState();
        var wait = state.WaitUntilAsync(s => s.AccountIds().Count == 2, CancellationToken.None);

        state.RegisterAccount("a", "t");
        Assert.False(wait.IsCompleted);
        state.RegisterAccount("b", "t");

        await wait.WaitAsync(SimulatorFixture.WaitLimit);
    }
}

using System.Security.Cryptography;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Reconciler.TaskApi.Auth;
using TaskApi.Simulator;

namespace Reconciler.Cli.Apply;

/// <summary>
/// The quick start's platform: the simulator in-process on a free loopback port, with a random token (never printed).
/// It holds the tasks an earlier run left in its platform file (<see cref="SimulatorPlatformFile"/>), and one stopped
/// task for every other task in the manifests; an apply writes what it holds back to the file when it is done.
/// </summary>
internal sealed class EmbeddedSimulator : IAsyncDisposable
{
    private readonly string? _keepIn;

    private EmbeddedSimulator(SimulatorServer server, ITokenSource tokens, string? keepIn)
    {
        Server = server;
        Tokens = tokens;
        _keepIn = keepIn;
    }

    public SimulatorServer Server { get; }

    public ITokenSource Tokens { get; }

    /// <param name="platformFile">Where the simulated platform's tasks are kept between runs (null: start empty, keep nothing).</param>
    /// <param name="keep">Write the tasks back to <paramref name="platformFile"/> when disposed (apply; a plan only reads).</param>
    /// <param name="desired">The manifests' tasks, each created stopped when the platform does not hold it yet (null: none, for a plan).</param>
    public static async Task<EmbeddedSimulator> StartAsync(DesiredState? desired, string? platformFile, bool keep, CancellationToken cancellationToken)
    {
        var kept = platformFile is null ? [] : SimulatorPlatformFile.Load(platformFile);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var server = await SimulatorServer.StartAsync(new SimulatorOptions { DefaultToken = secret, AutoCreateTasks = true }, cancellationToken);
        foreach (var task in kept)
        {
            server.State.CreateTask(task);
        }

        foreach (var task in (desired?.Tasks ?? []).Where(t => server.State.GetTask(t.Identity.UserId, t.Identity.TaskId) is null))
        {
            server.State.CreateTask(new TaskDefinition(task.Identity.UserId, task.Identity.TaskId)
            {
                SubUserId = task.SubUserId,
                Flavour = task.Flavour == ApiFlavour.V2Legacy ? TaskFlavour.V2Legacy : TaskFlavour.V2,
            });
        }

        return new EmbeddedSimulator(server, new FixedTokenSource(ApiToken.FromSecret(secret), "embedded simulator"), keep ? platformFile : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepIn is not null)
        {
            SimulatorPlatformFile.Save(_keepIn, Server.State.ListTasks());
        }

        await Server.DisposeAsync();
    }
}

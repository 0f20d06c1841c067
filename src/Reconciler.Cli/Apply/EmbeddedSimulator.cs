using System.Security.Cryptography;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Reconciler.TaskApi.Auth;
using TaskApi.Simulator;

namespace Reconciler.Cli.Apply;

/// <summary>
/// The quick start's platform: the simulator in-process on a free loopback port, with a random token
/// (never printed) and one stopped task for every task in the manifests.
/// </summary>
internal sealed class EmbeddedSimulator : IAsyncDisposable
{
    private EmbeddedSimulator(SimulatorServer server, ITokenSource tokens)
    {
        Server = server;
        Tokens = tokens;
    }

    public SimulatorServer Server { get; }

    public ITokenSource Tokens { get; }

    public static async Task<EmbeddedSimulator> StartAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var server = await SimulatorServer.StartAsync(new SimulatorOptions { DefaultToken = secret, AutoCreateTasks = true }, cancellationToken);
        foreach (var task in desired.Tasks)
        {
            server.State.CreateTask(new TaskDefinition(task.Identity.UserId, task.Identity.TaskId)
            {
                SubUserId = task.SubUserId,
                Flavour = task.Flavour == ApiFlavour.V2Legacy ? TaskFlavour.V2Legacy : TaskFlavour.V2,
            });
        }

        return new EmbeddedSimulator(server, new FixedTokenSource(ApiToken.FromSecret(secret), "embedded simulator"));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

using System.CommandLine;
using Reconciler.Cli.Commands;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Service.State;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Apply;

/// <summary>
/// What one apply works with, opened in this order and closed in reverse: the state (its apply lock held from here
/// on), the platform (the API, or the embedded simulator seeded with the manifests' tasks) and the engine over both.
/// Binding the state to the endpoint is left to the caller: a saved plan is checked before anything is written.
/// </summary>
internal sealed class ApplySession : IAsyncDisposable
{
    private readonly IAsyncDisposable _lock;
    private readonly EmbeddedSimulator? _simulator;
    private readonly TaskApiHost _host;

    private ApplySession(IStateStore store, IAsyncDisposable applyLock, EmbeddedSimulator? simulator, TaskApiHost host, Reconciliation engine, string endpoint)
    {
        Store = store;
        _lock = applyLock;
        _simulator = simulator;
        _host = host;
        Engine = engine;
        Endpoint = endpoint;
    }

    public IStateStore Store { get; }

    public Reconciliation Engine { get; }

    /// <summary>The normalised endpoint the PUTs go to (<see cref="StateEndpoint.EmbeddedSimulator"/> for the built-in one).</summary>
    public string Endpoint { get; }

    /// <param name="store">The opened store; the session owns it from here (and disposes it, even when this fails).</param>
    /// <param name="location">Where the store is: the embedded simulator keeps its platform's tasks beside it (<see cref="SimulatorPlatformFile"/>).</param>
    /// <param name="seed">The manifests the embedded simulator starts with (evaluated only when it is used; the engine evaluates them itself to plan).</param>
    /// <exception cref="CliException">Another apply holds the state's lock.</exception>
    public static async Task<ApplySession> OpenAsync(IStateStore store, StateLocation location, ParseResult result, ApiOptions api, Func<DesiredState> seed, ManifestPipeline pipeline, CliConsole console, CancellationToken cancellationToken)
    {
        IAsyncDisposable? applyLock = null;
        EmbeddedSimulator? simulator = null;
        try
        {
            var baseAddress = result.GetValue(api.Simulator) ? null : api.BaseAddress(result, console);
            applyLock = await LockAsync(store, cancellationToken);
            var platformFile = baseAddress is null ? SimulatorPlatformFile.For(location) : null;
            simulator = baseAddress is null ? await EmbeddedSimulator.StartAsync(seed(), platformFile, keep: true, cancellationToken) : null;
            if (simulator is not null)
            {
                await console.Error.WriteLineAsync($"reconciler: applying to the embedded simulator at {simulator.Server.BaseAddress} (not the platform){SimulatorPlatformFile.Describe(platformFile, console)}");
            }

            var tokens = simulator?.Tokens ?? new EnvironmentTokenSource(console.Environment);
            var host = TaskApiHost.Create(simulator?.Server.BaseAddress ?? baseAddress!, tokens, console.Error, api.Tuning(result, console));
            var settings = new ReconcileSettings(api.GetParallelism(result), RunningCheck: !result.GetValue(api.NoRunningCheck), Verify: result.GetValue(api.Verify), Rollout: api.Rollout.Read(result));
            var endpoint = baseAddress is null ? StateEndpoint.EmbeddedSimulator : StateEndpoint.Normalize(baseAddress);
            return new ApplySession(store, applyLock, simulator, host, new Reconciliation(settings, store, host.Api, pipeline: pipeline), endpoint);
        }
        catch
        {
            await (simulator?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (applyLock?.DisposeAsync() ?? ValueTask.CompletedTask);
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await (_simulator?.DisposeAsync() ?? ValueTask.CompletedTask);
        await _lock.DisposeAsync();
        await Store.DisposeAsync();
    }

    private static async Task<IAsyncDisposable> LockAsync(IStateStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.AcquireApplyLockAsync(cancellationToken);
        }
        catch (StateLockedException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}

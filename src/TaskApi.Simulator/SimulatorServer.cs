using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TaskApi.Simulator.Hosting;

namespace TaskApi.Simulator;

/// <summary>A running simulator on loopback: started in-process by tests and the CLI's <c>--simulator</c> mode, or by Program.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SimulatorServer(WebApplication app, SimulatorState state, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        State = state;
        Addresses = addresses;
    }

    /// <summary>The first address listened on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Addresses[0];

    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Thread-safe control over accounts, tasks, counters, the request log and faults.</summary>
    public SimulatorState State { get; }

    /// <summary>Starts a simulator (default <c>http://127.0.0.1:0</c>, a free port).</summary>
    /// <exception cref="ArgumentException">An address in <see cref="SimulatorOptions.Urls"/> is not loopback http.</exception>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var state = new SimulatorState(options);
        if (options.SeedFile is { } seedFile)
        {
            await SeedLoader.LoadAsync(seedFile, state, cancellationToken);
        }

        var app = SimulatorApp.Build(options, state);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)))
            .ToList();
        return new SimulatorServer(app, state, addresses);
    }

    /// <summary>Completes when the host stops (Ctrl+C or SIGTERM for the standalone program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

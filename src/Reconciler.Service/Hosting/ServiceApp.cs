using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reconciler.Service.Loop;
using Reconciler.Service.Status;
using Reconciler.Git;

namespace Reconciler.Service;

/// <summary>
/// A built service: the web host (operations surface and reconcile loop) plus what it owns outside the
/// container: the state store, its apply lock (held for the service's whole life) and the git source.
/// Disposing stops the host first, then releases the lock, then closes the store.
/// </summary>
public sealed class ServiceApp : IAsyncDisposable
{
    private readonly IAsyncDisposable _store;
    private readonly IAsyncDisposable _applyLock;
    private readonly GitRepositorySource _source;
    private int _disposed;

    internal ServiceApp(WebApplication app, IAsyncDisposable store, IAsyncDisposable applyLock, GitRepositorySource source)
    {
        App = app;
        _store = store;
        _applyLock = applyLock;
        _source = source;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public ServiceStatus Status => App.Services.GetRequiredService<ServiceStatus>();

    /// <summary>Where the operations surface listens, e.g. <c>http://127.0.0.1:8080/</c> (known after start).</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    /// <summary>The reconcile loop ended with an unexpected exception (the host then stops).</summary>
    public bool LoopFailed => App.Services.GetServices<IHostedService>().OfType<ReconcileLoop>().Any(l => l.ExecuteTask?.IsFaulted == true);

    public Task StartAsync(CancellationToken cancellationToken) => App.StartAsync(cancellationToken);

    /// <summary>Asks the host to stop (as SIGTERM does); <see cref="WaitForShutdownAsync"/> completes when it has.</summary>
    public void StopApplication() => App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

    /// <summary>Waits for a stop request, then stops: no new PUT starts, PUTs in flight get the grace period.</summary>
    public Task WaitForShutdownAsync() => App.WaitForShutdownAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Stopping twice is harmless; disposing a host that was never stopped would skip the graceful stop.
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
        }
        finally
        {
            await _applyLock.DisposeAsync();
            await _store.DisposeAsync();
            _source.Dispose();
        }
    }
}

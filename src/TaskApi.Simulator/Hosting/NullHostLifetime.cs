using Microsoft.Extensions.Hosting;

namespace TaskApi.Simulator.Hosting;

/// <summary>An in-process simulator must not react to the host process's Ctrl+C or SIGTERM.</summary>
internal sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;

namespace Reconciler.Service;

/// <summary>A lifetime that handles no signals: an in-process host (tests) is stopped by its owner.</summary>
internal sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

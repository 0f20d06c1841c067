using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Applying;
using Reconciler.TaskApi;

namespace Reconciler.Benchmarks;

/// <summary>The real task API client (resilience and all) against a simulator, as the CLI builds it.</summary>
internal sealed class BenchmarkApi : IAsyncDisposable
{
    public const string Token = "benchmark-token";

    private readonly ServiceProvider _provider;

    public BenchmarkApi(Uri baseAddress, Action<TaskApiOptions>? tune = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Reconciler.TaskApi.Auth.ITokenSource>(new BenchmarkTokenSource(Token));
        services.AddTaskApiClient(o =>
        {
            o.BaseAddress = baseAddress;
            tune?.Invoke(o);
        });
        _provider = services.BuildServiceProvider();
    }

    public ITaskApi Api => _provider.GetRequiredService<ITaskApi>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

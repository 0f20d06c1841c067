using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reconciler.Core.Applying;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi;

public static class TaskApiServiceCollectionExtensions
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="ITaskApi"/> as a typed <see cref="HttpClient"/> with retries and timeouts. Tokens come
    /// from <see cref="ITokenSource"/> (default <see cref="EnvironmentTokenSource"/>; register another first to
    /// replace it); time from <see cref="TimeProvider"/> (default the system clock). Bad options (a non-loopback
    /// http URL) throw <see cref="OptionsValidationException"/> when the client is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddTaskApiClient(this IServiceCollection services, Action<TaskApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<TaskApiOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskApiOptions>, TaskApiOptionsValidator>());
        services.TryAddSingleton<ITokenSource, EnvironmentTokenSource>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TaskApiOptions>>().Value;
            return new RequestPacer(options.MaxRequestsPerSecond, options.MaxRetryAfter, provider.GetRequiredService<TimeProvider>());
        });

        // HttpClient logs every request at Information; our own lines say what matters.
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));

        var builder = services.AddHttpClient<ITaskApi, TaskApiClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<TaskApiOptions>>().Value;
            client.BaseAddress = TaskApiBaseAddress.Normalize(options.BaseAddress);
            client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns every timeout
            client.MaxResponseContentBufferSize = options.MaxResponseBytes;
        });
        builder.ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a redirected PUT is a misconfigured URL, not something to follow
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // A platform that does not even accept the connection is unreachable within seconds (nothing was sent), not after a whole attempt.
            ConnectTimeout = Min(provider.GetRequiredService<IOptions<TaskApiOptions>>().Value.AttemptTimeout, MaxConnectTimeout),
        });
        builder.RedactLoggedHeaders(_ => true);
        builder.AddResilienceHandler(TaskApiResilience.PipelineName, TaskApiResilience.Configure);
        builder.AddHttpMessageHandler(provider => new RateLimitSignalHandler(provider.GetRequiredService<RequestPacer>(), provider.GetRequiredService<TimeProvider>()));
        builder.AddHttpMessageHandler(() => new AttemptCountingHandler());
        return builder;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

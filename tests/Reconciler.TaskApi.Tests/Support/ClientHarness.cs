using Reconciler.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying;
using Reconciler.TaskApi.Auth;

namespace Reconciler.TaskApi.Tests.Support;

/// <summary>
/// The client as the CLI wires it (DI, IHttpClientFactory, resilience), with millisecond delays, an environment
/// given as a dictionary and every log line captured.
/// </summary>
public sealed class ClientHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    private ClientHarness(ServiceProvider provider, CapturedLogs logs)
    {
        _provider = provider;
        Logs = logs;
        Api = provider.GetRequiredService<ITaskApi>();
    }

    public ITaskApi Api { get; }

    public CapturedLogs Logs { get; }

    public static ClientHarness Create(
        Uri baseAddress,
        IReadOnlyDictionary<string, string?> environment,
        Action<TaskApiOptions>? tweak = null,
        Action<ILoggingBuilder>? logging = null)
    {
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<ITokenSource>(new EnvironmentTokenSource(name => environment.GetValueOrDefault(name)));
        services.AddTaskApiClient(options =>
        {
            options.BaseAddress = baseAddress;
            options.MaxRetryAttempts = 3;
            options.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxDelay = TimeSpan.FromMilliseconds(20);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
            tweak?.Invoke(options);
        });

        // Registered after AddTaskApiClient's filter, so a test can lift it again.
        if (logging is not null)
        {
            services.AddLogging(logging);
        }

        return new ClientHarness(services.BuildServiceProvider(), logs);
    }

    /// <summary>An environment whose default token is this one.</summary>
    public static Dictionary<string, string?> DefaultToken(string token) => new() { [EnvironmentTokenSource.DefaultVariable] = token };

    public void Dispose()
    {
        _provider.Dispose();
        Logs.Dispose();
    }
}

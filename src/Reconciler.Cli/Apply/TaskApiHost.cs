using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying;
using Reconciler.TaskApi;
using Reconciler.Cli.Output;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Apply;

/// <summary>A small container for the task API client (IHttpClientFactory, resilience, logging to stderr).</summary>
internal sealed class TaskApiHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    // What the client talks to when the host owns it (the embedded simulator of a plan): stopped after the client.
    private EmbeddedSimulator? _server;

    private TaskApiHost(ServiceProvider services) => _services = services;

    /// <summary>The client of the embedded simulator, which this host stops when it is disposed.</summary>
    public static TaskApiHost Owning(EmbeddedSimulator simulator, TextWriter log, Action<TaskApiOptions>? tune = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var host = Create(simulator.Server.BaseAddress, simulator.Tokens, log, tune);
        host._server = simulator;
        return host;
    }

    public ITaskApi Api => _services.GetRequiredService<ITaskApi>();

    /// <summary>The same client as its reads only: what planning and import hold, so they cannot write.</summary>
    public ITaskReader Reader => Api;

    public static TaskApiHost Create(Uri baseAddress, ITokenSource tokens, TextWriter log, Action<TaskApiOptions>? tune = null, LogLevel level = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        // The resilience library logs every attempt ("Execution attempt. Source: 'ITaskApi-task-api//retry'…"), at
        // Warning and the last one at Error: lines that garble the progress bar and say nothing our client does not
        // say itself (one retry line, then the task's outcome). Only a critical event of theirs would get through.
        services.AddLogging(logging => logging
            .SetMinimumLevel(level)
            .AddFilter("Polly", LogLevel.Critical)
            .AddFilter("Microsoft.Extensions.Http.Resilience", LogLevel.Critical)
            .AddFilter("Microsoft.Extensions.Resilience", LogLevel.Critical)
            .AddProvider(new TextWriterLoggerProvider(log)));
        services.AddSingleton(tokens);
        services.AddTaskApiClient(options =>
        {
            options.BaseAddress = baseAddress;
            tune?.Invoke(options);
        });
        return new TaskApiHost(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Control;

namespace TaskApi.Simulator.Hosting;

/// <summary>Builds the web application: Kestrel on the given loopback endpoints, the platform routes, the control surface.</summary>
internal static class SimulatorApp
{
    public static WebApplication Build(SimulatorOptions options, SimulatorState state)
    {
        var endpoints = LoopbackGuard.Parse(options.Urls);

        // The empty builder reads no configuration, environment or appsettings: an in-process simulator
        // behaves the same whatever the host process has around it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            foreach (var endpoint in endpoints)
            {
                kestrel.Listen(endpoint);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<RequestRunner>();
        builder.Services.AddSingleton<TaskApiEndpoints>();
        if (!options.HandleShutdownSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, NullHostLifetime>();
        }

        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var app = builder.Build();
        TaskApiEndpoints.Map(app, app.Services.GetRequiredService<TaskApiEndpoints>());
        ControlEndpoints.Map(app, state);
        return app;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TaskApi.Simulator;
using TaskApi.Simulator.Hosting;

// Standalone: dotnet run --project src/TaskApi.Simulator -- --urls http://127.0.0.1:5080
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

SimulatorServer server;
try
{
    var options = OptionsReader.Read(configuration) with
    {
        HandleShutdownSignals = true,
        MinimumLogLevel = LogLevel.Information,
        ConfigureLogging = logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning),
    };
    server = await SimulatorServer.StartAsync(options);
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
{
    await Console.Error.WriteLineAsync($"simulator: {e.Message}");
    return 2;
}

await using (server)
{
    await Console.Out.WriteLineAsync($"task API simulator listening on {string.Join(", ", server.Addresses)} (control surface under /_simulator)");
    await server.WaitForShutdownAsync();
}

return 0;

using Microsoft.Extensions.Configuration;

namespace TaskApi.Simulator.Hosting;

/// <summary>
/// Options of the standalone program: <c>--urls</c>, <c>Simulator:DefaultToken</c>, <c>Simulator:AutoCreateTasks</c>,
/// <c>Simulator:SeedFile</c> from the command line, environment (<c>Simulator__DefaultToken</c>) or appsettings.json.
/// </summary>
internal static class OptionsReader
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static SimulatorOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Simulator");
        var autoCreate = section["AutoCreateTasks"];
        return new SimulatorOptions
        {
            Urls = configuration["urls"] is { Length: > 0 } urls ? urls : DefaultUrls,
            DefaultToken = section["DefaultToken"] is { Length: > 0 } token ? token : null,
            AutoCreateTasks = autoCreate is not null && bool.TryParse(autoCreate, out var flag)
                ? flag
                : autoCreate is null ? false : throw new ArgumentException($"Simulator:AutoCreateTasks must be true or false, not '{autoCreate}'"),
            SeedFile = section["SeedFile"] is { Length: > 0 } seed ? seed : null,
        };
    }
}

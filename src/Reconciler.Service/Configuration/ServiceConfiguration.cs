using Microsoft.Extensions.Configuration;

namespace Reconciler.Service.Configuration;

/// <summary>
/// Builds the service's configuration from its sources, later ones winning: the JSON file (section
/// <c>Reconciler</c>), the environment (<c>RECONCILER_*</c>, one variable per setting), then the flags.
/// </summary>
public static class ServiceConfiguration
{
    /// <param name="flags">Values given on the command line, by setting key.</param>
    /// <param name="configFile">A JSON file (full path), or null.</param>
    /// <param name="environment">Reads an environment variable (the process's, or a test's).</param>
    /// <exception cref="ServiceSetupException">The file is missing or not JSON, or names a setting that does not exist.</exception>
    public static IConfiguration Build(IReadOnlyDictionary<string, string?> flags, string? configFile, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new ServiceSetupException($"config file '{configFile}' does not exist");
            }

            builder.AddJsonFile(configFile, optional: false, reloadOnChange: false);
        }

        // Only the variables of known settings are read: other RECONCILER_* variables (tokens) never enter the configuration.
        builder.AddInMemoryCollection(ServiceSettings.All
            .Where(s => !string.IsNullOrEmpty(environment(s.EnvironmentVariable)))
            .Select(s => KeyValuePair.Create(s.ConfigurationKey, environment(s.EnvironmentVariable))));
        builder.AddInMemoryCollection(flags
            .Where(f => f.Value is not null)
            .Select(f => KeyValuePair.Create(ServiceSetting.Section + ":" + f.Key, f.Value)));

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ServiceSetupException($"config file '{configFile}' could not be read: {e.Message}", e);
        }

        var unknown = configuration.GetSection(ServiceSetting.Section).GetChildren()
            .Select(c => c.Key)
            .Where(k => !ServiceSettings.All.Any(s => string.Equals(s.Key, k, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new ServiceSetupException($"config file '{configFile}': unknown setting(s) {string.Join(", ", unknown.Select(k => ServiceSetting.Section + ":" + k))}; see docs/service.md");
        }

        return configuration;
    }
}

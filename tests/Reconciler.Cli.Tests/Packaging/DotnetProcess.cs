using System.Diagnostics;

namespace Reconciler.Cli.Tests.Packaging;

/// <summary>Runs the dotnet CLI (or an installed tool) as a child process, bounded, with NuGet kept to local folders.</summary>
internal static class DotnetProcess
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build server left behind
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        foreach (var name in new[] { "RECONCILER_API_TOKEN", "GITHUB_TOKEN", "RECONCILER_GIT_TOKEN" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {Limit}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>A NuGet configuration with one local folder as the only source: nothing is asked of a remote feed.</summary>
    public static string LocalOnlyConfig(string directory, string feed)
    {
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
              <config>
                <add key="audit" value="false" />
              </config>
            </configuration>
            """);
        return path;
    }
}

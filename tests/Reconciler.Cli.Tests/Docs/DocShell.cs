using System.Diagnostics;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// Runs documented commands with bash in a temporary copy of the files they need, with <c>reconciler</c> on the PATH
/// (a wrapper around the CLI these tests were built with) and no token or <c>RECONCILER_*</c> variable inherited.
/// </summary>
internal sealed class DocShell : IDisposable
{
    private readonly TestDirectory _copy = new("doc-commands");

    public DocShell(params string[] copied)
    {
        foreach (var relative in copied)
        {
            Copy(RepositoryRoot.Combine(relative), _copy.Combine(relative));
        }

        var wrapper = _copy.Write(".doc-bin/reconciler", $"#!/bin/sh\nexec dotnet '{ReconcilerProcess.DllPath}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root => _copy.Path;

    /// <summary>Extra directories searched first for commands (an installed tool).</summary>
    public List<string> Path { get; } = [];

    /// <summary>The command as it runs here: <c>dotnet run --project src/Reconciler.Cli --</c> is the CLI itself.</summary>
    public static string AsRun(string text) =>
        text.Replace("dotnet run --project src/Reconciler.Cli -- ", "reconciler ", StringComparison.Ordinal)
            .Replace("dotnet tool install --global ", "dotnet tool install --tool-path tools ", StringComparison.Ordinal);

    public async Task<(int ExitCode, string Output)> RunAsync(DocCommand command, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = System.IO.Path.Combine(Root, directory), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-e", "-o", "pipefail", "-c", AsRun(command.Text) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RECONCILER_", StringComparison.Ordinal) || k is "GITHUB_TOKEN" or "GITHUB_ACTIONS").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = string.Join(':', Path.Select(p => System.IO.Path.Combine(Root, p)).Append(_copy.Combine(".doc-bin")).Append(start.Environment["PATH"] ?? ""));
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";

        // Read by MSBuild as properties, so the commands stay as written: the analyzers already ran on the tests' own
        // build (the slowest part of a build on two cores), and NuGet's audit would ask a remote feed.
        start.Environment["RunAnalyzers"] = "false";
        start.Environment["NuGetAudit"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"did not finish within {limit}");
        }

        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => _copy.Dispose();

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            if (relative.Split(System.IO.Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            Copy(file, System.IO.Path.Combine(to, relative));
        }
    }
}

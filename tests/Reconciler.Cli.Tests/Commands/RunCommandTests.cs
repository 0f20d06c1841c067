using Reconciler.Testing.Git;
using Xunit;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>reconciler run</c> as the command line parses it: flags, environment and config file reach the service.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task RunCommand_BadFlag_ExitsOneWithOneLineNamingTheSetting()
    {
        var (console, _, error) = Console(_ => null);

        var exit = await ReconcilerCli.RunAsync(["run", "--repo", "/srv/git/tasks.git", "--interval", "6x"], console);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal("reconciler: error: Interval (--interval / RECONCILER_INTERVAL / Reconciler:Interval): '6x' is not a duration: write e.g. 500ms, 30s, 5m, 1h or 00:05:00", error.ToString().Trim());
    }

    [Fact]
    public async Task RunCommand_ConfigFileFromTheEnvironment_IsReadAndChecked()
    {
        using var directory = new TestDirectory("run-command");
        File.WriteAllText(directory.Combine("reconciler.json"), """{ "Reconciler": { "Repo": "/srv/git/tasks.git", "SyncWindow": "22:00-07:00", "TimeZone": "Nowhere/City" } }""");
        var (console, _, error) = Console(name => name == "RECONCILER_CONFIG" ? "reconciler.json" : null, directory.Path);

        var exit = await ReconcilerCli.RunAsync(["run"], console);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("unknown time zone 'Nowhere/City'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCommand_NoApiToken_FailsAtStartNamingTheVariables()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/a.yaml", "kind: Task");
        remote.CommitAndPush("one file");
        using var directory = new TestDirectory("run-command");
        var (console, _, error) = Console(_ => null, directory.Path);

        var exit = await ReconcilerCli.RunAsync(["run", "--repo", remote.Url, "--listen", "127.0.0.1:0"], console);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("no API token is configured, so run would send nothing the platform accepts: set RECONCILER_API_TOKEN (every account)", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine(".reconciler"))); // no state, no clone: it stopped first
    }

    [Fact]
    public async Task RunCommand_Help_ListsEverySettingWithItsVariable()
    {
        var (console, output, _) = Console(_ => null);

        await ReconcilerCli.RunAsync(["run", "--help"], console);

        Assert.All(Reconciler.Service.Configuration.ServiceSettings.All, s =>
        {
            Assert.Contains(s.Flag + " ", output.ToString(), StringComparison.Ordinal);
            Assert.Contains(s.EnvironmentVariable, output.ToString(), StringComparison.Ordinal);
        });
    }

    private static (CliConsole Console, StringWriter Out, StringWriter Error) Console(Func<string, string?> environment, string? workingDirectory = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (new CliConsole(output, error, new StringReader(""), false, false, environment, workingDirectory ?? Path.GetTempPath()), output, error);
    }
}

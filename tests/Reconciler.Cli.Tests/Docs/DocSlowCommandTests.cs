using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// The documented commands that build the release forms (pack, tool install, publish): minutes of Release builds, so in
/// the slow set. They run in a copy of the sources, with NuGet kept to the local package cache and the packed feed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DocSlowCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PackInstallAndPublishCommands_RunInACopyOfTheSources()
    {
        using var shell = new DocShell("src", "schemas", "sample-repo", "README.md", "Directory.Build.props", "Directory.Packages.props", "global.json", "BannedSymbols.txt");
        // Only the packed feed and the machine's package cache: a restore never reaches a remote feed.
        Packaging.DotnetProcess.LocalOnlyConfig(shell.Root, Directory.CreateDirectory(Path.Combine(shell.Root, "feed")).FullName);
        shell.Path.Add("tools");
        await DocCommandTests.RunAllAsync(shell, DocCommandAction.RunSlow, TimeSpan.FromMinutes(60), output);
    }
}

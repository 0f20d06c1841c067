using System.IO.Compression;
using Reconciler.Testing;
using Xunit;

namespace Reconciler.Cli.Tests.Packaging;

/// <summary>
/// The shipped forms of the CLI: <c>dotnet pack</c> makes a .NET tool that installs from a local folder feed and
/// runs; <c>dotnet publish</c> ships one platform's native libraries, no web.config and no simulator settings.
/// Slow (a pack and a publish build): one test class, each step once; NuGet sees only local folders.
/// </summary>
[Trait("Category", "Slow")] // a pack, a tool install and a publish
public sealed class ToolPackageTests
{
    private static readonly string Root = RepositoryRoot.Path;

    /// <summary>The feed address sample-repo/nuget.config ships with, for the team to change.</summary>
    public const string SampleFeedUrl = "https://nuget.pkg.github.com/your-org/index.json";

    [Fact]
    public async Task Pack_ToolInstalledFromALocalFeed_RunsVersionAndValidatesTheSampleRepository()
    {
        using var work = new TestDirectory("tool-package");
        var feed = Directory.CreateDirectory(work.Combine("feed")).FullName;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

        // The CLI was built with the tests: pack what was built, without building or restoring again.
        var pack = await DotnetProcess.RunAsync("dotnet", Root, "pack", "src/Reconciler.Cli", "-c", configuration, "--no-build", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Equal("TaskReconciler.Cli.0.1.0.nupkg", Path.GetFileName(package)); // a prefixed id: the bare "reconciler" is anyone's to publish
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("tools/net10.0/any/reconciler.dll", entries);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
            Assert.DoesNotContain(entries, e => e.EndsWith("appsettings.json", StringComparison.Ordinal) || e.EndsWith("web.config", StringComparison.Ordinal));
            var platforms = entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)).Select(e => e.Split('/')[4]).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["linux-arm64", "linux-musl-arm64", "linux-musl-x64", "linux-x64", "osx-arm64", "osx-x64", "win-arm64", "win-x64"], platforms);
        }

        var tools = work.Combine("tools");
        // Installed as the sample workflow installs it: its nuget.config (package source mapping), with the feed pointed here.
        var config = work.Combine("nuget.config");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(Root, "sample-repo", "nuget.config")).Replace(SampleFeedUrl, feed, StringComparison.Ordinal));
        var install = await DotnetProcess.RunAsync("dotnet", work.Path, "tool", "install", "--tool-path", tools, "--configfile", config, "--version", "0.1.0", "TaskReconciler.Cli");
        Assert.True(install.ExitCode == 0, install.Output);

        var reconciler = Path.Combine(tools, OperatingSystem.IsWindows() ? "reconciler.exe" : "reconciler");
        var version = await DotnetProcess.RunAsync(reconciler, work.Path, "--version");
        var validate = await DotnetProcess.RunAsync(reconciler, Root, "validate", "sample-repo");

        Assert.True(version.ExitCode == 0, version.Output);
        Assert.StartsWith("0.1.0", version.Output.Trim(), StringComparison.Ordinal);
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains("19 task manifest(s) valid in 15 file(s).", validate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ShipsOnePlatformsNativesAndNoWebConfigOrSimulatorSettings()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the expected file names are Linux's
        }

        using var work = new TestDirectory("publish");
        var output = work.Combine("out");

        // A build of its own (--artifacts-path), so the tests' build output is never touched; the analyzers ran on the
        // tests' own build, so they are skipped here (the slowest part of a build on two cores).
        var config = DotnetProcess.LocalOnlyConfig(work.Path, Directory.CreateDirectory(work.Combine("empty-feed")).FullName);
        var publish = await DotnetProcess.RunAsync("dotnet", Root, "publish", "src/Reconciler.Cli", "-c", "Release", "-o", output,
            "--artifacts-path", work.Combine("artifacts"), "--configfile", config, "-p:NuGetAudit=false", "-p:RunAnalyzers=false");
        Assert.True(publish.ExitCode == 0, publish.Output);

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
        Assert.Contains("reconciler", files);
        Assert.Contains("libgit2-5853918.so", files);
        Assert.Contains("libe_sqlite3.so", files);
        Assert.DoesNotContain(files, f => f.StartsWith("runtimes/", StringComparison.Ordinal));
        Assert.DoesNotContain("web.config", files);
        Assert.DoesNotContain("appsettings.json", files);
        Assert.DoesNotContain("TaskApi.Simulator", files);
        Assert.DoesNotContain(files, f => f.Contains("staticwebassets", StringComparison.Ordinal));

        var validate = await DotnetProcess.RunAsync(Path.Combine(output, "reconciler"), Root, "validate", "sample-repo");
        Assert.True(validate.ExitCode == 0, validate.Output);
    }
}

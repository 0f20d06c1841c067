using Reconciler.Cli.Tests.Packaging;
using Reconciler.Testing;

namespace Reconciler.Cli.Tests.Validate;

/// <summary>Publishes one of the native executables (<c>reconciler-validate</c>, <c>reconciler-plan</c>) as CI and the release do.</summary>
internal static class NativePublish
{
    /// <returns>The path of the executable.</returns>
    public static async Task<string> PublishAsync(TestDirectory work, string project, string executable)
    {
        // A build of its own (--artifacts-path), NuGet limited to the packages the tests' restore already has.
        var config = DotnetProcess.LocalOnlyConfig(work.Path, Directory.CreateDirectory(work.Combine("empty-feed")).FullName);
        var output = work.Combine("out");
        var publish = await DotnetProcess.RunAsync("dotnet", RepositoryRoot.Path, "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output,
            "--artifacts-path", work.Combine("artifacts"), "--configfile", config, "-p:NuGetAudit=false", "-p:RunAnalyzers=false");
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.False(File.Exists(Path.Combine(output, executable + ".dll")), "a native executable has no managed assembly beside it");
        return Path.Combine(output, executable);
    }
}

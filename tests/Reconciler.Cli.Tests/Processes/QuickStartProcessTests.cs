using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>The README's quick start, typed into a shell: a real <c>reconciler</c> process in a fresh directory.</summary>
[Trait("Category", "Slow")] // the CLI as real processes
public sealed class QuickStartProcessTests
{
    [Fact]
    public async Task QuickStart_AsAProcess_Applies18TasksThenHasNoChanges()
    {
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");
        const string token = "tok-PROCESS-5ecret-4c1d2e3f";
        var environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = token };

        var first = await ReconcilerProcess.RunAsync(directory.Path, environment, "apply", "sample-repo", "--simulator", "--auto-approve");
        var second = await ReconcilerProcess.RunAsync(directory.Path, environment, "apply", "sample-repo", "--simulator", "--auto-approve");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Apply: 18 applied, 0 blocked (running), 0 rejected, 0 failed.", first.Out, StringComparison.Ordinal);
        Assert.Contains("applying to the embedded simulator at http://127.0.0.1:", first.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.Combine(".reconciler/simulator.db")));
        Assert.False(File.Exists(directory.Combine(".reconciler/state.db"))); // a trial never touches the platform's state
        Assert.Contains("state: .reconciler/simulator.db", first.Error, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("No changes", second.Out, StringComparison.Ordinal);
        Assert.Contains("18 unchanged, 1 suspended.", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, first.Out + first.Error + second.Out + second.Error, StringComparison.Ordinal);
    }
}

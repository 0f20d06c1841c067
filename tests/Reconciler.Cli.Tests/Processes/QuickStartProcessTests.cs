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

    [Fact]
    [Trait("Category", "Slow")]
    public async Task QuickStart_FollowUps_PlanTheSimulatorsStateAndRefreshFindsNoDrift()
    {
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");
        var environment = new Dictionary<string, string>();

        var apply = await ReconcilerProcess.RunAsync(directory.Path, environment, "apply", "sample-repo", "--simulator", "--auto-approve");
        var plan = await ReconcilerProcess.RunAsync(directory.Path, environment, "plan", "sample-repo", "--simulator");
        var refresh = await ReconcilerProcess.RunAsync(directory.Path, environment, "apply", "sample-repo", "--simulator", "--refresh", "--auto-approve");
        var planRefresh = await ReconcilerProcess.RunAsync(directory.Path, environment, "plan", "sample-repo", "--simulator", "--refresh", "--detailed-exitcode");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(File.Exists(directory.Combine(".reconciler/simulator-platform.json"))); // the simulated platform, kept beside its state
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, 18 unchanged, 1 suspended.", plan.Out, StringComparison.Ordinal);
        Assert.Contains("state: .reconciler/simulator.db", plan.Error, StringComparison.Ordinal);

        // The simulator kept what the first apply sent: reading it back finds every task as the manifests say.
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.Contains("No changes: the platform matches the manifests.", refresh.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("drift", refresh.Out, StringComparison.Ordinal);
        Assert.True(planRefresh.ExitCode == 0, planRefresh.ToString());
        Assert.Contains("reading the embedded simulator (not the platform)", planRefresh.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.Combine(".reconciler/state.db")));
    }
}

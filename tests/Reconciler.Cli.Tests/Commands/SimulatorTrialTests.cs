using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// The trial after the quick start behaves like a platform: the embedded simulator's tasks are kept beside its state
/// (<c>.reconciler/simulator-platform.json</c>), so a change found there is drift, and <c>plan --simulator</c> reads the trial's state.
/// </summary>
public sealed class SimulatorTrialTests
{
    private const string PlatformFile = ".reconciler/simulator-platform.json";

    [Fact]
    public async Task Refresh_AfterTheSimulatedPlatformChanged_ReportsThatTaskAsDriftAndApplyPutsItBack()
    {
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");
        Assert.Equal(0, (await Cli(directory, "apply", "sample-repo", "--simulator", "--auto-approve")).ExitCode);

        // Someone changes one task "in the web console": the simulated platform's record of it.
        var kept = JsonNode.Parse(File.ReadAllText(directory.Combine(PlatformFile)))!;
        var task = kept["tasks"]!.AsArray().First(t => t!["body"] is JsonValue body && body.GetValue<string>().Contains("\"maximumcall\":", StringComparison.Ordinal))!;
        task["body"] = Regex.Replace(task["body"]!.GetValue<string>(), "\"maximumcall\":\\d+", "\"maximumcall\":999");
        File.WriteAllText(directory.Combine(PlatformFile), kept.ToJsonString());

        var plan = await Cli(directory, "plan", "sample-repo", "--simulator", "--refresh", "--detailed-exitcode");
        var apply = await Cli(directory, "apply", "sample-repo", "--simulator", "--refresh", "--auto-approve");
        var again = await Cli(directory, "apply", "sample-repo", "--simulator", "--refresh", "--auto-approve");

        Assert.True(plan.ExitCode == 2, plan.ToString());
        Assert.Contains("Plan: 1 to update, 0 to adopt, 0 to unmanage, 0 invalid, 17 unchanged, 1 suspended.", plan.Out, StringComparison.Ordinal);
        Assert.Contains("~ maximumcall: 999 → ", plan.Out, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Apply: 1 applied", apply.Out, StringComparison.Ordinal);
        Assert.Contains("No changes: the platform matches the manifests.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_WithAPlatformFileItCannotRead_SaysWhichFileAndHowToStartOver()
    {
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");
        directory.Write(PlatformFile, "{ not json");

        var apply = await Cli(directory, "apply", "sample-repo", "--simulator", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains($"the embedded simulator's platform file '{directory.Combine(PlatformFile)}' cannot be read", apply.Error, StringComparison.Ordinal);
        Assert.Contains("delete it to start the simulated platform empty", apply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanSimulator_WithTheRealPlatformsOptions_IsAUsageError()
    {
        using var directory = new TestDirectory();

        var plan = await Cli(directory, "plan", ".", "--simulator", "--api-url", "https://ai.api.longlonglong.cn");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("--simulator plans against the trial's own state: it cannot be combined with --api-url or --base", plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanSimulator_WithOut_IsAUsageError_ASavedPlanIsForThePlatformsState()
    {
        using var directory = new TestDirectory();

        var plan = await Cli(directory, "plan", ".", "--simulator", "--out", "plan.json");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("--out saves a plan to apply to the platform's state; a trial is applied with apply --simulator", plan.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.Combine("plan.json")));
    }

    private static Task<CliResult> Cli(TestDirectory directory, params string[] args) => InProcessCli.RunAsync(directory.Path, null, args);
}

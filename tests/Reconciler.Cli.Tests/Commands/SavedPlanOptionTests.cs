using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>What <c>plan --out</c> refuses to save, and what <c>apply FILE</c> refuses to combine with a saved plan.</summary>
public sealed class SavedPlanOptionTests : IDisposable
{
    private const string Token = "tok-SAVED+5ecret/d1stinct1ve=77aa";
    private static readonly TaskIdentity Identity = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "f232d184-dd54-42a0-8ace-0bf8d660f4cc");
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PlanOut_InvalidManifest_IsNotSaved()
    {
        Write(maximumcall: "3", remark: "ok", lines: 2);

        var result = await RunAsync("plan", "tasks", "--state", "state.db", "--out", "plan.out");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("the plan was not saved to 'plan.out': 1 manifest(s) are invalid; fix them and plan again", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine("plan.out")));
    }

    [Fact]
    public async Task PlanOut_BodyHoldingAConfiguredToken_IsNotSavedAndTheTokenIsNeverPrinted()
    {
        Write(maximumcall: "1", remark: Token);

        var result = await RunAsync("plan", "tasks", "--state", "state.db", "--out", "plan.out");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Error.Contains("the plan was not saved to 'plan.out': a manifest value holds a configured token (the secret-in-manifest warning above says where)", StringComparison.Ordinal), result.ToString());
        Assert.False(File.Exists(_directory.Combine("plan.out")));
        SecretAssert.NotPrinted(Token, result);
    }

    [Fact]
    public async Task PlanOut_WithBase_IsRefusedAsItCannotBeApplied()
    {
        var result = await RunAsync("plan", ".", "--base", "origin/main", "--out", "plan.out");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--out saves a plan against the state", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanOut_ThenApplyWithTarget_IsRefusedBeforeAnythingIsRead()
    {
        Write(maximumcall: "1", remark: "备注");
        var plan = await RunAsync("plan", "tasks", "--state", "state.db", "--out", "plan.out", "--api-url", "http://127.0.0.1:9/");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("reconciler: saved the plan to plan.out (1 change, state serial 0); apply exactly it with: reconciler apply plan.out", plan.Error, StringComparison.Ordinal);

        var apply = await RunAsync("apply", "plan.out", "--target", "tasks/a.yaml", "--refresh", "--auto-approve");

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains("--target, --refresh: a saved plan is applied as it was made", apply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyFile_NotASavedPlan_IsRefusedSayingWhat()
    {
        _directory.Write("notes.txt", "hello");

        var apply = await RunAsync("apply", "notes.txt", "--auto-approve");

        Assert.True(apply.ExitCode == 1, apply.ToString());
        Assert.Contains("  - the file cannot be trusted: it is not a saved plan (not JSON", apply.Error, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        InProcessCli.RunAsync(_directory.Path, new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token }, args);

    private void Write(string maximumcall, string remark, int lines = 0) => _directory.Write("tasks/a.yaml", TaskYaml.Manifest(Identity, "{}").Replace("spec: {}", $$"""
        spec:
          name: 任务
          destination_extension: 1
          maximumcall: {{maximumcall}}
          dial_time_id: 1
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            line: [{{string.Join(", ", Enumerable.Range(0, lines).Select(i => $"{{id: d47c3599-f166-4cd0-999c-f60e46814d2{i}, limit: 1}}"))}}]
          remark: "{{remark}}"
        """, StringComparison.Ordinal));
}

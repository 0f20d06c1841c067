using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Testing;
using Reconciler.Testing.State;

namespace Reconciler.Cli.Tests.Commands.State;

/// <summary><c>state history</c> shows each attempt's run: its trigger, and who merged and approved its revision (issue 26).</summary>
public sealed class StateHistoryAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TaskIdentity Task = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "f232d184-dd54-42a0-8ace-0bf8d660f4cc");

    [Fact]
    public async Task History_AttemptOfAMergedPullRequest_ShowsTheTriggerMergerAndApprovers()
    {
        using var directory = new TestDirectory("history-audit");
        var state = directory.Combine("state.db");
        await StateSeeder.SeedAsync(
            state,
            [],
            [
                new ApplyAttempt(At.AddSeconds(1), "rev-12", Task, ApplyOutcome.Applied, 200, null, TimeSpan.FromMilliseconds(30), "h1"),
                new ApplyAttempt(At.AddMinutes(5).AddSeconds(1), "rev-push", Task, ApplyOutcome.Applied, 200, null, TimeSpan.FromMilliseconds(30), "h2"),
            ],
            [
                new RunRecord(At, TimeSpan.FromSeconds(2), "rev-12", RunTrigger.Webhook, true, RunOutcomes.None, null) { Audit = new RunAudit(12, "bob", ["lead-alice"]) },
                new RunRecord(At.AddMinutes(5), TimeSpan.FromSeconds(2), "rev-push", RunTrigger.Poll, true, RunOutcomes.None, null) { Audit = RunAudit.DirectPush },
            ]);

        var text = await InProcessCli.RunAsync(directory.Path, new Dictionary<string, string>(), ["state", "history", "--state", state]);
        var json = await InProcessCli.RunAsync(directory.Path, new Dictionary<string, string>(), ["state", "history", "--state", state, "--format", "json"]);

        Assert.True(text.ExitCode == 0, text.ToString());
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("(run: poll; not from a pull request)", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.EndsWith("(run: webhook; #12 merged by bob, approved by lead-alice)", lines[1].TrimEnd('\r'), StringComparison.Ordinal);
        var older = JsonDocument.Parse(json.Out).RootElement[1];
        Assert.Equal(("webhook", 12, "bob"), (older.GetProperty("trigger").GetString(), older.GetProperty("audit").GetProperty("pull_request").GetInt32(), older.GetProperty("audit").GetProperty("merged_by").GetString()));
        Assert.Equal("lead-alice", older.GetProperty("audit").GetProperty("approved_by")[0].GetString());
    }
}
